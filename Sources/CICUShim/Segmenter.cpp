// Word segmentation with one reusable ICU break iterator: opening one loads rules and
// dictionaries, so a segmenter is opened once per thread and fed document after document.
#include "ASCIIRun.h"
#include "CICUShim.h"
#include "RequireICU.h"

#include <vector>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct mtt_segmenter {
  UBreakIterator *iterator = nullptr;
  std::vector<UChar> utf16;
  std::vector<int32_t> utf8Offsets;  // UTF-8 offset of each UTF-16 unit, and of the end
  std::vector<mtt_segment> segments;
  bool shortcuts = true;
  // What classifyUnstatused decides for a lone ASCII code point: a kind, or 0 for invisible.
  // Filled by calling that very function at open, so the shortcut cannot disagree with it.
  int8_t asciiKinds[128] = {};
};

namespace {

/// Code points that separate words without being one: spaces, controls, format characters
/// such as ZERO WIDTH SPACE, and other default-ignorables.
bool isInvisible(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  int8_t type = u_charType(c);
  if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) return true;
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/// Kind of a segment that ICU's rules gave no word status: whitespace (0), or punctuation,
/// symbol, emoji or other, judged by its first visible code point.
int32_t classifyUnstatused(const uint8_t *text, int32_t start, int32_t end) {
  int32_t index = start;
  while (index < end) {
    UChar32 c;
    U8_NEXT(text, index, end, c);
    if (c < 0 || isInvisible(c)) continue;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) {
      return MTT_KIND_EMOJI;
    }
    uint32_t mask = U_GET_GC_MASK(c);
    if (mask & U_GC_P_MASK) return MTT_KIND_PUNCTUATION;
    if (mask & U_GC_S_MASK) return MTT_KIND_SYMBOL;
    if (mask & U_GC_N_MASK) return MTT_KIND_NUMBER;
    if (mask & U_GC_L_MASK) return MTT_KIND_WORD;
    return MTT_KIND_OTHER;
  }
  return 0;
}

/// ICU's dictionary gives every Chinese or Japanese word the ideographic status, kana-only
/// words included; a word without Han characters is reported as kana instead.
int32_t refineIdeographic(const uint8_t *text, int32_t start, int32_t end) {
  bool sawKana = false;
  int32_t index = start;
  while (index < end) {
    UChar32 c;
    U8_NEXT(text, index, end, c);
    // The CJK Unified Ideographs block (every code point in it is Han since Unicode 14, before
    // ICU 72) answers most Chinese words without a script lookup.
    if (c >= 0x4E00 && c <= 0x9FFF) return MTT_KIND_IDEOGRAPHIC;
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &error);
    if (script == USCRIPT_HAN) return MTT_KIND_IDEOGRAPHIC;
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) sawKana = true;
  }
  return sawKana ? MTT_KIND_KANA : MTT_KIND_IDEOGRAPHIC;
}

int32_t kindFromRuleStatus(int32_t status) {
  if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return MTT_KIND_IDEOGRAPHIC;
  if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return MTT_KIND_KANA;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return MTT_KIND_WORD;
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return MTT_KIND_NUMBER;
  return 0;
}


/// classifyUnstatused with ASCII code points looked up in the table that function filled.
int32_t classifyUnstatusedQuickly(
  const int8_t *asciiKinds, const uint8_t *text, int32_t start, int32_t end) {
  int32_t index = start;
  while (index < end && text[index] < 0x80) {
    int32_t kind = asciiKinds[text[index]];
    if (kind != 0) return kind;
    ++index;
  }
  if (index == end) return 0;
  return classifyUnstatused(text, index, end);
}

}  // namespace

extern "C" mtt_segmenter *mtt_segmenter_open(const char *locale, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, nullptr, 0, &error);
  *status = error;
  if (U_FAILURE(error)) return nullptr;
  auto *segmenter = new mtt_segmenter();
  segmenter->iterator = iterator;
  for (int32_t c = 0; c < 128; ++c) {
    uint8_t byte = static_cast<uint8_t>(c);
    segmenter->asciiKinds[c] = static_cast<int8_t>(classifyUnstatused(&byte, 0, 1));
  }
  return segmenter;
}

extern "C" void mtt_segmenter_set_shortcuts(mtt_segmenter *segmenter, int32_t enabled) {
  segmenter->shortcuts = enabled != 0;
}

extern "C" void mtt_segmenter_close(mtt_segmenter *segmenter) {
  if (!segmenter) return;
  ubrk_close(segmenter->iterator);
  delete segmenter;
}

namespace {

/// The original walk: converts, then steps through UTF-16 and UTF-8 together at each boundary.
/// Kept as the reference the shortcuts are tested against.
int32_t segmentSlowly(mtt_segmenter *segmenter, const uint8_t *text, int32_t length) {
  // The break iterator is fastest on UTF-16; convert once, then walk both encodings together
  // so that boundaries come back as UTF-8 byte offsets without an offset table.
  std::vector<UChar> &utf16 = segmenter->utf16;
  utf16.resize(static_cast<size_t>(length));
  int32_t units = 0;
  for (int32_t index = 0; index < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(text, index, length, c);
    U16_APPEND_UNSAFE(utf16.data(), units, c);
  }

  UErrorCode error = U_ZERO_ERROR;
  ubrk_setText(segmenter->iterator, utf16.data(), units, &error);
  if (U_FAILURE(error)) return error;

  int32_t cursor16 = 0;
  int32_t cursor8 = 0;
  int32_t previous8 = 0;
  ubrk_first(segmenter->iterator);
  for (int32_t boundary = ubrk_next(segmenter->iterator); boundary != UBRK_DONE;
       boundary = ubrk_next(segmenter->iterator)) {
    while (cursor16 < boundary) {
      UChar unit = utf16[cursor16];
      if (unit < 0x80) {
        cursor8 += 1;
        cursor16 += 1;
      } else if (unit < 0x800) {
        cursor8 += 2;
        cursor16 += 1;
      } else if (U16_IS_LEAD(unit) && cursor16 + 1 < units && U16_IS_TRAIL(utf16[cursor16 + 1])) {
        cursor8 += 4;
        cursor16 += 2;
      } else {
        cursor8 += 3;
        cursor16 += 1;
      }
    }
    int32_t kind = kindFromRuleStatus(ubrk_getRuleStatus(segmenter->iterator));
    if (kind == 0) kind = classifyUnstatused(text, previous8, cursor8);
    if (kind == MTT_KIND_IDEOGRAPHIC) kind = refineIdeographic(text, previous8, cursor8);
    if (kind != 0) segmenter->segments.push_back(mtt_segment{previous8, cursor8, kind});
    previous8 = cursor8;
  }
  return 0;
}

/// The same segments with less work per byte: ASCII is widened without decoding, each UTF-16
/// unit's UTF-8 offset is recorded while converting (text with no ASCII-only shortcut needs
/// none), and ASCII punctuation and spaces are classified by table.
int32_t segmentQuickly(mtt_segmenter *segmenter, const uint8_t *text, int32_t length) {
  std::vector<UChar> &utf16 = segmenter->utf16;
  std::vector<int32_t> &offsets = segmenter->utf8Offsets;
  utf16.resize(static_cast<size_t>(length));
  UChar *units16 = utf16.data();
  // Find the leading ASCII run eight bytes at a time, then widen it in a loop the compiler
  // vectorizes (no early exit inside).
  int32_t index = mtt_ascii_run_end(text, 0, length);
  for (int32_t i = 0; i < index; ++i) units16[i] = text[i];
  int32_t units = index;
  bool ascii = index == length;
  if (!ascii) {
    offsets.resize(static_cast<size_t>(length) + 1);
    int32_t *offsets8 = offsets.data();
    for (int32_t i = 0; i < index; ++i) offsets8[i] = i;
    while (index < length) {
      uint8_t byte = text[index];
      if (byte < 0x80) {
        offsets8[units] = index;
        units16[units++] = byte;
        ++index;
        continue;
      }
      int32_t start = index;
      UChar32 c;
      U8_NEXT_OR_FFFD(text, index, length, c);
      offsets8[units] = start;
      if (c <= 0xFFFF) {
        units16[units++] = static_cast<UChar>(c);
      } else {
        units16[units++] = U16_LEAD(c);
        offsets8[units] = start;  // never a boundary: ICU does not split a surrogate pair
        units16[units++] = U16_TRAIL(c);
      }
    }
    offsets8[units] = length;
  }

  UErrorCode error = U_ZERO_ERROR;
  ubrk_setText(segmenter->iterator, units16, units, &error);
  if (U_FAILURE(error)) return error;

  const int32_t *offsets8 = ascii ? nullptr : offsets.data();
  // Room for every segment the text can have, so that appending never reallocates mid-loop.
  segmenter->segments.reserve(static_cast<size_t>(units) + 1);
  int32_t previous8 = 0;
  ubrk_first(segmenter->iterator);
  for (int32_t boundary = ubrk_next(segmenter->iterator); boundary != UBRK_DONE;
       boundary = ubrk_next(segmenter->iterator)) {
    int32_t end8 = ascii ? boundary : offsets8[boundary];
    int32_t kind = kindFromRuleStatus(ubrk_getRuleStatus(segmenter->iterator));
    if (kind == 0) kind = classifyUnstatusedQuickly(segmenter->asciiKinds, text, previous8, end8);
    if (kind == MTT_KIND_IDEOGRAPHIC) kind = refineIdeographic(text, previous8, end8);
    if (kind != 0) segmenter->segments.push_back(mtt_segment{previous8, end8, kind});
    previous8 = end8;
  }
  return 0;
}

}  // namespace

extern "C" int32_t mtt_segmenter_run(
  mtt_segmenter *segmenter, const uint8_t *text, int32_t length) {
  segmenter->segments.clear();
  if (length == 0) return 0;
  if (segmenter->shortcuts) return segmentQuickly(segmenter, text, length);
  return segmentSlowly(segmenter, text, length);
}

extern "C" const mtt_segment *mtt_segmenter_segments(
  const mtt_segmenter *segmenter, int32_t *count) {
  *count = static_cast<int32_t>(segmenter->segments.size());
  return segmenter->segments.data();
}
