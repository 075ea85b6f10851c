// Shared by the normalizer and the segmenter: finding where a run of ASCII bytes ends, the
// first step of every shortcut they take.
#ifndef CICUSHIM_ASCII_RUN_H
#define CICUSHIM_ASCII_RUN_H

#include <stdint.h>
#include <string.h>

/// The end of the run of ASCII bytes starting at `index`, checked eight bytes at a time.
static inline int32_t mtt_ascii_run_end(const uint8_t *text, int32_t index, int32_t length) {
  while (index + 8 <= length) {
    uint64_t word;
    memcpy(&word, text + index, 8);
    if (word & 0x8080808080808080ULL) break;
    index += 8;
  }
  while (index < length && text[index] < 0x80) ++index;
  return index;
}

#endif
