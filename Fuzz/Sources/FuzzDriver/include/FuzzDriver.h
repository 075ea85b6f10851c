// Starts libFuzzer from a Swift executable. SwiftPM renames an executable's entry point to
// `<Module>_main` on Linux, so libFuzzer's own `main` is never linked; each fuzzer defines that
// symbol and calls this instead. No stable API: for the fuzz targets in this package only.
#ifndef MTL_FUZZ_DRIVER_H
#define MTL_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with the command line and the per-input callback; returns its exit code.
int mtl_fuzz_main(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
