// The last error of each thread. C's _Thread_local keeps it per thread without a lock, and
// without Swift global state: two threads failing at once each read their own message.
#include <stdlib.h>
#include <string.h>

#include "multitasktext.h"
#include "mtl_error_storage.h"

static _Thread_local char *last_message = NULL;
static _Thread_local int32_t last_code = MTL_OK;

void mtl__set_last_error(int32_t code, const char *message) {
  free(last_message);
  last_message = NULL;
  last_code = code;
  if (message != NULL) {
    size_t length = strlen(message);
    last_message = malloc(length + 1);
    if (last_message != NULL) memcpy(last_message, message, length + 1);
  }
}

const char *mtl_last_error_message(void) { return last_message != NULL ? last_message : ""; }

int32_t mtl_last_error_code(void) { return last_code; }
