#include "FuzzDriver.h"

// Provided by libFuzzer (linked through -sanitize=fuzzer).
int LLVMFuzzerRunDriver(
  int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

int mtl_fuzz_main(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size)) {
  return LLVMFuzzerRunDriver(&argc, &argv, test_one_input);
}
