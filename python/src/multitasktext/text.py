"""Tokenization with the models' own text pipeline: ICU normalization and word breaks."""

from __future__ import annotations

import ctypes
import json
from typing import List, NamedTuple, Optional, Union

from ._native import Batch, TokenizeOptions, c_string, check, flag, lib, take_buffer
from .errors import InvalidArgumentError

_NORMALIZATIONS = {"none": 0, "nfc": 1, "nfkc": 2}
_LINKS = {"split": 0, "keep": 1, "placeholder": 2}


class Token(NamedTuple):
    """One token: its text (normalized, or a placeholder such as `<url>`), its kind (`word`,
    `number`, `kana`, `ideographic`, `punctuation`, `symbol`, `emoji`, `other`, `url`,
    `email`) and its byte range in the original UTF-8 text."""

    text: str
    kind: str
    start: int
    end: int


def _choice(name: str, value: str, choices: dict) -> int:
    if value not in choices:
        raise InvalidArgumentError(f"{name} must be one of {', '.join(choices)}, found '{value}'")
    return choices[value]


def tokenize_json(
    texts: List[str],
    *,
    normalization: str = "nfkc",
    case_folding: bool = True,
    strip_accents: bool = False,
    strict_utf8: bool = False,
    drop_punctuation: bool = False,
    drop_symbols: bool = False,
    number_placeholder: bool = False,
    urls: str = "keep",
    emails: str = "keep",
    locale: Optional[str] = None,
) -> bytes:
    """The lines `mtl tokenize --format jsonl` prints for `texts`, with its options."""
    options = TokenizeOptions(
        normalization=_choice("normalization", normalization, _NORMALIZATIONS),
        case_folding=flag("case_folding", case_folding),
        strip_accents=flag("strip_accents", strip_accents),
        strict_utf8=flag("strict_utf8", strict_utf8),
        drop_punctuation=flag("drop_punctuation", drop_punctuation),
        drop_symbols=flag("drop_symbols", drop_symbols),
        number_placeholder=flag("number_placeholder", number_placeholder),
        urls=_choice("urls", urls, _LINKS),
        emails=_choice("emails", emails, _LINKS),
        locale=None if locale is None else c_string("locale", locale),
    )
    batch = Batch(texts)
    out = ctypes.c_void_p()
    length = ctypes.c_uint64()
    check(
        lib.mtl_tokenize(
            batch.data, batch.offsets_pointer(), batch.count, ctypes.byref(options),
            ctypes.byref(out), ctypes.byref(length),
        )
    )
    return take_buffer(out, length.value)



def tokenize(text: str, *, details: bool = False, **options: object) -> Union[List[str], List[Token]]:
    """Normalizes and tokenizes `text` as `mtl tokenize` does.

    Returns the token strings, or `Token`s with kinds and byte offsets when `details` is
    true. Keyword options are `mtl tokenize`'s flags: `normalization` ("none", "nfc",
    "nfkc"), `case_folding`, `strip_accents`, `strict_utf8`, `drop_punctuation`,
    `drop_symbols`, `number_placeholder`, `urls` and `emails` ("split", "keep",
    "placeholder") and `locale`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, found {type(text).__name__}")
    line = json.loads(tokenize_json([text], **options))  # type: ignore[arg-type]
    tokens = line["tokens"]
    if details:
        return [Token(t["text"], t["kind"], t["start"], t["end"]) for t in tokens]
    return [t["text"] for t in tokens]
