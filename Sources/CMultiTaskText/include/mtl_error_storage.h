/*
 * Thread-local storage for the C API's last error. Internal to libMultiTaskTextC: the Swift
 * target records failures through mtl__set_last_error; hosts read them with the public
 * mtl_last_error_message and mtl_last_error_code in multitasktext.h.
 */
#ifndef MTL_ERROR_STORAGE_H
#define MTL_ERROR_STORAGE_H

#include <stdint.h>

/* Copies `message` (NUL-terminated UTF-8) as the calling thread's last error with `code`. */
void mtl__set_last_error(int32_t code, const char *message);

#endif /* MTL_ERROR_STORAGE_H */
