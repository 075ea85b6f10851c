// Normalization through ICU's UTF-8 APIs. They record an Edits list, which is what lets every
// token point back at its bytes in the original text after NFKC and case folding change lengths.
#include "ASCIIRun.h"
#include "CICUShim.h"
#include "RequireICU.h"

#include <cstring>
#include <string>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

using icu::CaseMap;
using icu::Edits;
using icu::Normalizer2;
using icu::StringByteSink;
using icu::StringPiece;
using icu::UnicodeString;

struct mtt_normalizer {
  const Normalizer2 *composer = nullptr;  // NFC, NFKC or NFKC_Casefold; null for none
  const Normalizer2 *decomposer = nullptr;  // NFD, used only to strip Latin accents
  bool separateCaseFold = false;  // ICU has a one-pass NFKC_Casefold, but none for NFC or none
  bool stripLatinAccents = false;
  std::string buffers[2];
  const std::string *output = nullptr;
  const uint8_t *passthrough = nullptr;  // input that needed no change at all
  int32_t passthroughLength = 0;
  Edits edits;
  Edits stepEdits;
  Edits merged;
  std::vector<mtt_edit> changes;
  int32_t invalidBytes = 0;
  // What the composer makes of each ASCII code point on its own. Valid only when every one
  // maps to one ASCII byte and starts a normalization boundary, checked at open.
  uint8_t asciiMap[128] = {};
  bool asciiShortcut = false;
  // Whether asciiMap is plain ASCII lowercasing (true of NFKC_Casefold) or the identity (NFC,
  // NFKC), which loops without table lookups apply several bytes at a time.
  int32_t asciiMapShape = 0;  // see shapeOfASCIIMap()
  bool shortcuts = true;
};

namespace {

/// The end of the run of ASCII bytes starting at `index`.
int32_t asciiRunEnd(const uint8_t *text, int32_t index, int32_t length) {
  return mtt_ascii_run_end(text, index, length);
}

/// Finds the first ill-formed sequence, or returns -1. The ASCII loop is the common fast path.
/// Counts the ASCII bytes into `*ascii`, which tells whether mapping ASCII runs would pay.
int32_t firstInvalidOffset(const uint8_t *text, int32_t length, int32_t *ascii) {
  int32_t index = 0;
  int32_t asciiBytes = 0;
  while (index < length) {
    if (text[index] < 0x80) {
      int32_t runEnd = asciiRunEnd(text, index, length);
      asciiBytes += runEnd - index;
      index = runEnd;
      continue;
    }
    int32_t start = index;
    UChar32 c;
    U8_NEXT(text, index, length, c);
    if (c < 0) return start;
  }
  *ascii = asciiBytes;
  return -1;
}

/// Replaces each maximal ill-formed subsequence with U+FFFD, as the WHATWG decoder does.
int32_t repair(const uint8_t *text, int32_t length, std::string &out, Edits &edits) {
  int32_t invalid = 0;
  int32_t index = 0;
  int32_t unchangedStart = 0;
  while (index < length) {
    if (text[index] < 0x80) {
      ++index;
      continue;
    }
    int32_t start = index;
    UChar32 c;
    U8_NEXT(text, index, length, c);
    if (c >= 0) continue;
    if (start > unchangedStart) {
      out.append(reinterpret_cast<const char *>(text) + unchangedStart, start - unchangedStart);
      edits.addUnchanged(start - unchangedStart);
    }
    out.append("\xEF\xBF\xBD");
    edits.addReplace(index - start, 3);
    invalid += index - start;
    unchangedStart = index;
  }
  if (length > unchangedStart) {
    out.append(reinterpret_cast<const char *>(text) + unchangedStart, length - unchangedStart);
    edits.addUnchanged(length - unchangedStart);
  }
  return invalid;
}

/// Drops combining marks from Latin letters only: Thai vowels and kana voicing marks are
/// letters' essential parts, and removing them would change the word (คุณ → คณ, プ → フ).
void stripLatinAccents(
  const Normalizer2 *decomposer, const std::string &in, std::string &out, Edits &edits) {
  const uint8_t *text = reinterpret_cast<const uint8_t *>(in.data());
  int32_t length = static_cast<int32_t>(in.size());
  int32_t index = 0;
  bool previousBaseIsLatin = false;
  UnicodeString decomposition;
  std::string replacement;
  while (index < length) {
    int32_t start = index;
    if (text[index] < 0x80) {
      ++index;
      out.push_back(static_cast<char>(text[start]));
      edits.addUnchanged(1);
      previousBaseIsLatin = true;  // ASCII letters are Latin; marks after digits are rare
      continue;
    }
    UChar32 c;
    U8_NEXT(text, index, length, c);
    int32_t width = index - start;
    UErrorCode error = U_ZERO_ERROR;
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (previousBaseIsLatin) {
        edits.addReplace(width, 0);
      } else {
        out.append(reinterpret_cast<const char *>(text) + start, width);
        edits.addUnchanged(width);
      }
      continue;
    }
    previousBaseIsLatin = uscript_getScript(c, &error) == USCRIPT_LATIN;
    if (previousBaseIsLatin && decomposer->getDecomposition(c, decomposition)) {
      replacement.clear();
      for (int32_t i = 0; i < decomposition.length();) {
        UChar32 part = decomposition.char32At(i);
        i += U16_LENGTH(part);
        if (u_charType(part) == U_NON_SPACING_MARK) continue;
        char encoded[4];
        int32_t encodedLength = 0;
        UBool failed = false;
        U8_APPEND(encoded, encodedLength, 4, part, failed);
        replacement.append(encoded, encodedLength);
      }
      out.append(replacement);
      edits.addReplace(width, static_cast<int32_t>(replacement.size()));
    } else {
      out.append(reinterpret_cast<const char *>(text) + start, width);
      edits.addUnchanged(width);
    }
  }
}


/// Asks `composer` what each ASCII code point becomes on its own and whether each starts a
/// normalization boundary (does not interact with what precedes it). Only then may runs of
/// ASCII be mapped byte by byte, leaving ICU the text around them.
bool learnASCII(const Normalizer2 *composer, uint8_t *map) {
  for (int32_t c = 0; c < 128; ++c) {
    UErrorCode error = U_ZERO_ERROR;
    char byte = static_cast<char>(c);
    std::string out;
    StringByteSink<std::string> sink(&out);
    composer->normalizeUTF8(0, StringPiece(&byte, 1), sink, nullptr, error);
    if (U_FAILURE(error) || out.size() != 1 || static_cast<uint8_t>(out[0]) >= 0x80) return false;
    if (!composer->hasBoundaryBefore(c)) return false;
    map[c] = static_cast<uint8_t>(out[0]);
  }
  return true;
}

constexpr int32_t kShortestMappedRun = 16;

/// What kind of table `learnASCII` filled: 1 for ASCII lowercasing, 2 for the identity, 0 for
/// anything else.
int32_t shapeOfASCIIMap(const uint8_t *map) {
  bool lowercases = true;
  bool identity = true;
  for (int32_t c = 0; c < 128; ++c) {
    int32_t lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (map[c] != lower) lowercases = false;
    if (map[c] != c) identity = false;
  }
  return identity ? 2 : (lowercases ? 1 : 0);
}

/// Maps `count` ASCII bytes through `map`, with the table's shape known when possible: the
/// arithmetic loops have no lookups and vectorize.
void mapASCII(
  const uint8_t *map, int32_t shape, const uint8_t *text, uint8_t *destination, int32_t count) {
  if (shape == 2) {
    std::memcpy(destination, text, static_cast<size_t>(count));
  } else if (shape == 1) {
    for (int32_t k = 0; k < count; ++k) {
      uint8_t byte = text[k];
      destination[k] = byte + ((static_cast<uint8_t>(byte - 'A') < 26) ? 32 : 0);
    }
  } else {
    for (int32_t k = 0; k < count; ++k) destination[k] = map[text[k]];
  }
}

/// A change of one byte into one byte (`A` → `a`) moves no offset, and no token boundary can
/// fall inside it, so it changes no original range: such changes are left out of the list.
/// They are most of English text's changes.
bool isOneForOne(const Edits::Iterator &iterator) {
  return iterator.oldLength() == 1 && iterator.newLength() == 1;
}

/// Normalizes valid UTF-8 with `composer` alone, as one normalizeUTF8 call over the whole text
/// would, but maps ASCII runs through `map` and hands ICU only the rest.
///
/// Every ASCII code point starts a boundary, so the text can be cut before any of them and
/// the pieces normalized independently (ICU's definition of hasBoundaryBefore). The last
/// ASCII byte before non-ASCII text goes to ICU with it, since a combining mark may follow
/// (`e` + U+0301 composes to `é`); so do ASCII runs shorter than kShortestMappedRun between
/// non-ASCII text, which cost more as separate calls than inside one. ICU changes ASCII one
/// byte into one byte, which the change list leaves out, so the runs record no changes.
int32_t composeQuickly(
  const Normalizer2 *composer, const uint8_t *map, int32_t shape, const uint8_t *text,
  int32_t length,
  std::string &out, Edits &pieceEdits, std::vector<mtt_edit> &changes) {
  out.clear();
  out.reserve(static_cast<size_t>(length) + 16);
  int32_t index = 0;
  while (index < length) {
    int32_t runStart = index;
    index = asciiRunEnd(text, index, length);
    int32_t runEnd = (index < length && index > runStart) ? index - 1 : index;
    if (runEnd > runStart) {
      // Output and input offsets differ by a constant along the run.
      int32_t shift = static_cast<int32_t>(out.size()) - runStart;
      out.resize(out.size() + static_cast<size_t>(runEnd - runStart));
      uint8_t *destination = reinterpret_cast<uint8_t *>(&out[0]) + shift;
      mapASCII(map, shape, text + runStart, destination + runStart, runEnd - runStart);
    }
    if (runEnd == length) break;
    // The piece ends before an ASCII run long enough to repay a separate ICU call; shorter
    // runs (the digits and spaces between Chinese words) stay inside it.
    int32_t pieceStart = runEnd;
    while (true) {
      while (index < length && text[index] >= 0x80) ++index;
      int32_t asciiStart = index;
      while (index < length && text[index] < 0x80 && index - asciiStart < kShortestMappedRun) {
        ++index;
      }
      if (index == length || index - asciiStart >= kShortestMappedRun) {
        index = asciiStart;
        break;
      }
    }
    int32_t destinationBase = static_cast<int32_t>(out.size());
    UErrorCode error = U_ZERO_ERROR;
    StringByteSink<std::string> sink(&out);
    pieceEdits.reset();
    composer->normalizeUTF8(
      0, StringPiece(reinterpret_cast<const char *>(text) + pieceStart, index - pieceStart), sink,
      &pieceEdits, error);
    if (U_FAILURE(error)) return error;
    if (pieceEdits.hasChanges()) {
      Edits::Iterator iterator = pieceEdits.getFineChangesIterator();
      while (iterator.next(error)) {
        if (isOneForOne(iterator)) continue;
        changes.push_back(mtt_edit{
          pieceStart + iterator.sourceIndex(), iterator.oldLength(),
          destinationBase + iterator.destinationIndex(), iterator.newLength()});
      }
      if (U_FAILURE(error)) return error;
    }
  }
  return 0;
}


}  // namespace

extern "C" mtt_normalizer *mtt_normalizer_open(
  int32_t form, int32_t case_fold, int32_t strip_latin_accents, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  auto *normalizer = new mtt_normalizer();
  if (form == MTT_FORM_NFKC) {
    normalizer->composer =
      case_fold ? Normalizer2::getNFKCCasefoldInstance(error) : Normalizer2::getNFKCInstance(error);
  } else if (form == MTT_FORM_NFC) {
    normalizer->composer = Normalizer2::getNFCInstance(error);
    normalizer->separateCaseFold = case_fold != 0;
  } else {
    normalizer->separateCaseFold = case_fold != 0;
  }
  if (strip_latin_accents) {
    normalizer->stripLatinAccents = true;
    normalizer->decomposer = Normalizer2::getNFDInstance(error);
  }
  *status = error;
  if (U_FAILURE(error)) {
    delete normalizer;
    return nullptr;
  }
  normalizer->asciiShortcut = normalizer->composer && !normalizer->separateCaseFold &&
                              !normalizer->stripLatinAccents &&
                              learnASCII(normalizer->composer, normalizer->asciiMap);
  normalizer->asciiMapShape = shapeOfASCIIMap(normalizer->asciiMap);
  return normalizer;
}

extern "C" void mtt_normalizer_set_shortcuts(mtt_normalizer *normalizer, int32_t enabled) {
  normalizer->shortcuts = enabled != 0;
}

extern "C" void mtt_normalizer_close(mtt_normalizer *normalizer) { delete normalizer; }

extern "C" int32_t mtt_normalizer_run(
  mtt_normalizer *normalizer, const uint8_t *text, int32_t length, int32_t strict,
  int32_t *invalid_offset) {
  UErrorCode error = U_ZERO_ERROR;
  normalizer->edits.reset();
  normalizer->changes.clear();
  normalizer->invalidBytes = 0;
  normalizer->output = nullptr;
  normalizer->passthrough = text;
  normalizer->passthroughLength = length;
  *invalid_offset = -1;

  // Each step reads `current` and writes the other buffer; `edits` accumulates the mapping.
  const std::string *current = nullptr;
  int which = 0;
  bool haveEdits = false;
  auto input = [&]() -> StringPiece {
    if (current) return StringPiece(current->data(), static_cast<int32_t>(current->size()));
    return StringPiece(reinterpret_cast<const char *>(text), length);
  };
  auto accumulate = [&](std::string *written) {
    if (haveEdits) {
      normalizer->merged.reset();
      normalizer->merged.mergeAndAppend(normalizer->edits, normalizer->stepEdits, error);
      std::swap(normalizer->edits, normalizer->merged);
    } else {
      std::swap(normalizer->edits, normalizer->stepEdits);
      haveEdits = true;
    }
    current = written;
    which ^= 1;
  };

  int32_t asciiBytes = 0;
  int32_t invalid = firstInvalidOffset(text, length, &asciiBytes);
  if (invalid < 0 && normalizer->shortcuts && normalizer->asciiShortcut) {
    if (asciiBytes >= length / 2) {
      std::string &out = normalizer->buffers[0];
      int32_t failure = composeQuickly(
        normalizer->composer, normalizer->asciiMap, normalizer->asciiMapShape, text, length, out,
        normalizer->stepEdits, normalizer->changes);
      if (failure != 0) return failure;
      normalizer->output = &out;
      return 0;
    }
    // Mostly non-ASCII text (Chinese) gains nothing from the ASCII runs, but is often already
    // normalized: asking costs about a quarter of normalizing, and such text needs no copy and
    // has no changes (ICU defines normalized text as text that normalizing leaves unchanged).
    UErrorCode quickError = U_ZERO_ERROR;
    if (normalizer->composer->isNormalizedUTF8(
          StringPiece(reinterpret_cast<const char *>(text), length), quickError) &&
        U_SUCCESS(quickError)) {
      return 0;
    }
  }
  if (invalid >= 0) {
    if (strict) {
      *invalid_offset = invalid;
      return MTT_STATUS_INVALID_UTF8;
    }
    std::string &out = normalizer->buffers[which];
    out.clear();
    normalizer->stepEdits.reset();
    normalizer->invalidBytes = repair(text, length, out, normalizer->stepEdits);
    accumulate(&out);
  }
  if (normalizer->composer) {
    std::string &out = normalizer->buffers[which];
    out.clear();
    StringByteSink<std::string> sink(&out);
    normalizer->stepEdits.reset();
    normalizer->composer->normalizeUTF8(0, input(), sink, &normalizer->stepEdits, error);
    if (U_FAILURE(error)) return error;
    accumulate(&out);
  }
  if (normalizer->separateCaseFold) {
    std::string &out = normalizer->buffers[which];
    out.clear();
    StringByteSink<std::string> sink(&out);
    normalizer->stepEdits.reset();
    CaseMap::utf8Fold(0, input(), sink, &normalizer->stepEdits, error);
    if (U_FAILURE(error)) return error;
    accumulate(&out);
  }
  if (normalizer->stripLatinAccents) {
    if (!current) {
      normalizer->buffers[which].assign(reinterpret_cast<const char *>(text), length);
      current = &normalizer->buffers[which];
      which ^= 1;
    }
    std::string &out = normalizer->buffers[which];
    out.clear();
    normalizer->stepEdits.reset();
    stripLatinAccents(normalizer->decomposer, *current, out, normalizer->stepEdits);
    accumulate(&out);
  }
  if (U_FAILURE(error)) return error;
  normalizer->output = current;
  if (haveEdits && normalizer->edits.hasChanges()) {
    Edits::Iterator iterator = normalizer->edits.getFineChangesIterator();
    while (iterator.next(error)) {
      if (isOneForOne(iterator)) continue;
      normalizer->changes.push_back(mtt_edit{
        iterator.sourceIndex(), iterator.oldLength(), iterator.destinationIndex(),
        iterator.newLength()});
    }
    if (U_FAILURE(error)) return error;
  }
  return 0;
}

extern "C" const uint8_t *mtt_normalizer_output(
  const mtt_normalizer *normalizer, int32_t *length) {
  if (normalizer->output) {
    *length = static_cast<int32_t>(normalizer->output->size());
    return reinterpret_cast<const uint8_t *>(normalizer->output->data());
  }
  *length = normalizer->passthroughLength;
  return normalizer->passthrough;
}

extern "C" int32_t mtt_normalizer_invalid_bytes(const mtt_normalizer *normalizer) {
  return normalizer->invalidBytes;
}

extern "C" const mtt_edit *mtt_normalizer_edits(const mtt_normalizer *normalizer, int32_t *count) {
  *count = static_cast<int32_t>(normalizer->changes.size());
  return normalizer->changes.data();
}
