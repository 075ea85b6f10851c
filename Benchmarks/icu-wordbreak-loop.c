// The limit `Benchmarks/tokenize-throughput.sh` compares `mtl tokenize` with: ICU's word break
// iterator alone over a file of one document per line, and nothing else. Each line is
// converted to UTF-16 (what the iterator runs on), segmented, and its word-status segments
// (letters, numbers, kana, ideographs) are counted. No normalization, no offsets back into
// UTF-8, no token kinds beyond the rule status, no output but the count.
//
// Build: cc -O2 -o icu-wordbreak-loop icu-wordbreak-loop.c $(pkg-config --cflags --libs icu-uc icu-i18n)
// Usage: icu-wordbreak-loop FILE   (prints lines, tokens)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  FILE *file = fopen(argv[1], "rb");
  if (!file) {
    perror(argv[1]);
    return 1;
  }
  UErrorCode error = U_ZERO_ERROR;
  // One iterator for the whole file, as `mtl tokenize` reuses one: opening loads the rules
  // and dictionaries.
  UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", NULL, 0, &error);
  if (U_FAILURE(error)) {
    fprintf(stderr, "ubrk_open: %s\n", u_errorName(error));
    return 1;
  }
  char *line = NULL;
  size_t lineCapacity = 0;
  UChar *utf16 = NULL;
  int32_t utf16Capacity = 0;
  long lines = 0;
  long tokens = 0;
  ssize_t length;
  while ((length = getline(&line, &lineCapacity, file)) >= 0) {
    if (length > 0 && line[length - 1] == '\n') --length;
    ++lines;
    if (length + 1 > utf16Capacity) {
      utf16Capacity = (int32_t)(2 * length + 1);
      utf16 = realloc(utf16, (size_t)utf16Capacity * sizeof(UChar));
    }
    int32_t units = 0;
    error = U_ZERO_ERROR;
    u_strFromUTF8WithSub(
      utf16, utf16Capacity, &units, line, (int32_t)length, 0xFFFD, NULL, &error);
    if (U_FAILURE(error)) {
      fprintf(stderr, "line %ld: u_strFromUTF8WithSub: %s\n", lines, u_errorName(error));
      return 1;
    }
    ubrk_setText(iterator, utf16, units, &error);
    if (U_FAILURE(error)) {
      fprintf(stderr, "line %ld: ubrk_setText: %s\n", lines, u_errorName(error));
      return 1;
    }
    ubrk_first(iterator);
    while (ubrk_next(iterator) != UBRK_DONE) {
      if (ubrk_getRuleStatus(iterator) != UBRK_WORD_NONE) ++tokens;
    }
  }
  printf("%ld lines, %ld word-status tokens\n", lines, tokens);
  ubrk_close(iterator);
  free(utf16);
  free(line);
  fclose(file);
  return 0;
}
