// The system ICU from Debian's libicu-dev (pkg-config icu-uc). Only CICUShim's sources include
// this; Swift code never imports it, because Foundation on Linux carries its own ICU copy.
#include <unicode/utypes.h>
