// Normalization through ICU's UTF-8 APIs. They record an Edits list, which is what lets every
// token point back at its bytes in the original text after NFKC and case folding change lengths.
#include "CICUShim.h"
#include "RequireICU.h"

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
};

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
  return normalizer;
}

extern "C" void mtt_normalizer_close(mtt_normalizer *normalizer) { delete normalizer; }

namespace {

/// Finds the first ill-formed sequence, or returns -1. The ASCII loop is the common fast path.
int32_t firstInvalidOffset(const uint8_t *text, int32_t length) {
  int32_t index = 0;
  while (index < length) {
    if (text[index] < 0x80) {
      ++index;
      continue;
    }
    int32_t start = index;
    UChar32 c;
    U8_NEXT(text, index, length, c);
    if (c < 0) return start;
  }
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

}  // namespace

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

  int32_t invalid = firstInvalidOffset(text, length);
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
