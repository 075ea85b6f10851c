"""`tokenize` is `mtl tokenize`: same tokens, kinds and offsets, same options."""

from __future__ import annotations

import json

import pytest

import multitasktext as mtl
from multitasktext.text import tokenize_json
from conftest import EDGE_CASES, read_texts, sample_lines, shipped
from helpers import run_mtl


def test_japanese_is_segmented() -> None:
    assert mtl.tokenize("東京都に住んでいます") == ["東京", "都", "に", "住", "んで", "い", "ます"]


def test_details_give_kinds_and_byte_offsets() -> None:
    tokens = mtl.tokenize("Win £5 at http://x.co!", details=True)
    assert [token.kind for token in tokens] == ["word", "symbol", "number", "word", "url", "punctuation"]
    assert tokens[0] == mtl.Token("win", "word", 0, 3)
    assert tokens[4].text == "http://x.co"


@pytest.mark.parametrize(
    "options, flags",
    [
        ({}, []),
        ({"drop_punctuation": True, "number_placeholder": True}, ["--drop-punctuation", "--number-placeholder"]),
        ({"normalization": "nfc", "case_folding": False, "urls": "placeholder"}, ["--normalization", "nfc", "--no-case-folding", "--urls", "placeholder"]),
        ({"strip_accents": True, "emails": "split", "drop_symbols": True}, ["--strip-accents", "--emails", "split", "--drop-symbols"]),
    ],
)
def test_tokenize_equals_mtl_tokenize(mtl_binary, options, flags) -> None:
    texts = read_texts(shipped("spam", "test")) + sample_lines() + EDGE_CASES + ["Café naïve ÉCOLE ﬁ"]
    stdin = b"".join(text.encode() + b"\n" for text in texts)
    cli = run_mtl(mtl_binary, ["tokenize", "--format", "jsonl", *flags], stdin=stdin)
    assert cli.returncode == 0, cli.stderr
    assert tokenize_json(texts, **options) == cli.stdout
    for text, line in zip(texts[:50], cli.stdout.splitlines()):
        assert mtl.tokenize(text, **options) == [t["text"] for t in json.loads(line)["tokens"]]


def test_bad_options_raise() -> None:
    with pytest.raises(mtl.InvalidArgumentError, match="normalization must be one of"):
        mtl.tokenize("x", normalization="nfd")
    with pytest.raises(mtl.InvalidArgumentError, match="urls must be one of"):
        mtl.tokenize("x", urls="drop")
    with pytest.raises(TypeError):
        mtl.tokenize(["a list"])  # type: ignore[arg-type]


def test_strict_utf8_rejects_lone_surrogates() -> None:
    with pytest.raises(mtl.TextError, match="document 0"):
        mtl.tokenize("bad \udc80 byte", strict_utf8=True)
    assert mtl.tokenize("bad \udc80 byte")[0] == "bad"


def test_flags_are_yes_or_no_never_wrapped() -> None:
    # An int32_t would hold 2**32 as 0, turning case folding off.
    assert mtl.tokenize("Hello", case_folding=2**32) == ["hello"]
    assert mtl.tokenize("Hello", case_folding=0) == ["Hello"]
    with pytest.raises(TypeError, match="case_folding must be True or False, found str"):
        mtl.tokenize("Hello", case_folding="no")
    with pytest.raises(mtl.InvalidArgumentError, match="locale must not contain a NUL"):
        mtl.tokenize("Hello", locale="tr\0x")
