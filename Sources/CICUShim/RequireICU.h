// Fails the build with the fix, rather than a bare "file not found", when ICU is missing.
#ifndef CICUSHIM_REQUIRE_ICU_H
#define CICUSHIM_REQUIRE_ICU_H
#if !__has_include(<unicode/utypes.h>)
#error "ICU development files not found. Install them with: sudo apt-get install -y libicu-dev pkg-config"
#endif
#endif
