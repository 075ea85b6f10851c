// CICUShim: the only door from Swift to the system ICU. No stable Swift API.
//
// This header uses only <stdint.h> types on purpose. Debian's libicu exports versioned names
// (ubrk_open_72) that ICU's headers reach through macros Swift cannot import, and Foundation on
// Linux carries its own ICU whose C types clash with <unicode/*.h>. Only the shim's sources
// include ICU.
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalization forms accepted by `mtt_normalizer_open`.
enum {
  MTT_FORM_NONE = 0,
  MTT_FORM_NFC = 1,
  MTT_FORM_NFKC = 2,
};

/// Segment kinds reported by `mtt_segmenter_run`. Whitespace and invisible segments are dropped.
enum {
  MTT_KIND_WORD = 1,
  MTT_KIND_NUMBER = 2,
  MTT_KIND_KANA = 3,
  MTT_KIND_IDEOGRAPHIC = 4,
  MTT_KIND_PUNCTUATION = 5,
  MTT_KIND_SYMBOL = 6,
  MTT_KIND_EMOJI = 7,
  MTT_KIND_OTHER = 8,
};

/// Returned by `mtt_normalizer_run` in strict mode when the input is not valid UTF-8.
#define MTT_STATUS_INVALID_UTF8 (-1000)

/// A changed span: `source_length` input bytes became `destination_length` output bytes.
typedef struct mtt_edit {
  int32_t source_start;
  int32_t source_length;
  int32_t destination_start;
  int32_t destination_length;
} mtt_edit;

/// A segment of the text given to `mtt_segmenter_run`, as UTF-8 byte offsets.
typedef struct mtt_segment {
  int32_t start;
  int32_t end;
  int32_t kind;
} mtt_segment;

typedef struct mtt_normalizer mtt_normalizer;
typedef struct mtt_segmenter mtt_segmenter;

/// Opens a reusable normalizer. `*status` receives an ICU error code (0 or negative is success).
mtt_normalizer *mtt_normalizer_open(
  int32_t form, int32_t case_fold, int32_t strip_latin_accents, int32_t *status);
void mtt_normalizer_close(mtt_normalizer *normalizer);
/// Turns the shortcuts on (the default) or off. Off runs ICU over every byte, the reference
/// the shortcuts are tested against; both give the same output and changes.
void mtt_normalizer_set_shortcuts(mtt_normalizer *normalizer, int32_t enabled);

/// Repairs (or, when `strict`, rejects) invalid UTF-8, then normalizes. Returns 0 on success,
/// `MTT_STATUS_INVALID_UTF8` with `*invalid_offset` set, or a positive ICU error code.
int32_t mtt_normalizer_run(
  mtt_normalizer *normalizer, const uint8_t *text, int32_t length, int32_t strict,
  int32_t *invalid_offset);
/// The output of the last run; valid until the next run or close.
const uint8_t *mtt_normalizer_output(const mtt_normalizer *normalizer, int32_t *length);
/// Invalid input bytes replaced by U+FFFD in the last run.
int32_t mtt_normalizer_invalid_bytes(const mtt_normalizer *normalizer);
/// Changed spans of the last run, in order, mapping output offsets back to input offsets.
const mtt_edit *mtt_normalizer_edits(const mtt_normalizer *normalizer, int32_t *count);

/// Opens a reusable word segmenter (ICU word break iterator, dictionaries for CJK and SE Asia).
mtt_segmenter *mtt_segmenter_open(const char *locale, int32_t *status);
void mtt_segmenter_close(mtt_segmenter *segmenter);
/// Turns the shortcuts on (the default) or off, as for the normalizer: same segments either way.
void mtt_segmenter_set_shortcuts(mtt_segmenter *segmenter, int32_t enabled);
/// Segments valid UTF-8 text. Returns 0 on success or a positive ICU error code.
int32_t mtt_segmenter_run(mtt_segmenter *segmenter, const uint8_t *text, int32_t length);
/// Segments of the last run; valid until the next run or close.
const mtt_segment *mtt_segmenter_segments(const mtt_segmenter *segmenter, int32_t *count);

/// Writes the ICU version ("72.1") as a NUL-terminated string into `buffer`.
void mtt_icu_version(char *buffer, int32_t capacity);
/// The symbolic name of an ICU error code ("U_MEMORY_ALLOCATION_ERROR").
const char *mtt_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
