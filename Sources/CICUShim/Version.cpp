// Version and error names, so a model file can record which ICU prepared its text.
#include "CICUShim.h"
#include "RequireICU.h"

#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

extern "C" void mtt_icu_version(char *buffer, int32_t capacity) {
  if (capacity < 1) return;
  UVersionInfo version;
  u_getVersion(version);
  char formatted[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, formatted);
  int32_t index = 0;
  for (; index + 1 < capacity && formatted[index] != 0; ++index) buffer[index] = formatted[index];
  buffer[index] = 0;
}

extern "C" const char *mtt_error_name(int32_t status) {
  return u_errorName(static_cast<UErrorCode>(status));
}
