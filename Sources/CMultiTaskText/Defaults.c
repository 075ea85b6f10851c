// The plain-C corners of the API: releasing returned buffers, the version and option
// defaults. Kept in C so that hosts can call them before the Swift runtime does anything.
#include <stdlib.h>
#include <string.h>

#include "multitasktext.h"

void mtl_buffer_free(char *buffer) { free(buffer); }

const char *mtl_version(void) { return "0.1.0"; }

void mtl_tokenize_options_default(mtl_tokenize_options *options) {
  if (options == NULL) return;
  memset(options, 0, sizeof *options);
  options->normalization = 2;
  options->case_folding = 1;
  options->urls = 1;
  options->emails = 1;
}
