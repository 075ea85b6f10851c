#!/usr/bin/env python3
"""Writes small valid .mtl model files into Seeds/FuzzModelFile/ for the model file fuzzer.

The layout follows Sources/MultiTaskText/Persistence/ModelFile.swift: magic "MTLM", version 1,
tagged sections (UInt32 tag, UInt64 length, payload), then an END section holding the CRC-32C of
every byte before it. All integers are little-endian. The first seed is the hand-made model of
ModelFileGoldenTests.handMade(). The float seeds are version 1 files, as earlier builds wrote
them; the quantized seeds are version 2, with a QEMB section in place of EMBD.
"""
import json
import os
import struct


def crc32c(data: bytes) -> int:
    table = []
    for index in range(256):
        crc = index
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    crc = 0xFFFFFFFF
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def section(tag: bytes, payload: bytes) -> bytes:
    return tag + struct.pack("<Q", len(payload)) + payload


def manifest(tasks, dimension, buckets, **features):
    training = {"epochs": 1, "keepBestEpoch": False, "learningRate": 0.1, "sampling":
                "proportional", "seed": 1, "skipInvalid": False, "threads": 1}
    return {
        "dimension": dimension,
        "features": dict({"buckets": buckets, "maxVocabularySize": None, "maxn": 0,
                          "minCount": 1, "minn": 0, "wordNgrams": 1}, **features),
        "icuVersion": "72.1",
        "normalizer": {"caseFolding": True, "form": "nfkc", "invalidUTF8": "replace",
                       "stripsLatinAccents": False},
        "producer": "MultiTaskText",
        "tasks": [{"labels": labels, "name": name, "weight": 1} for name, labels in tasks],
        "tokenizer": {"dropsPunctuation": False, "dropsSymbols": False, "emails": "keep",
                      "locale": "", "mapsNumbers": False, "urls": "keep"},
        "training": training,
    }


def model(manifest_object, tokens, rows, columns, embedding_rows, heads, extra=b""):
    text = json.dumps(manifest_object, sort_keys=True, separators=(",", ":")).encode()
    vocabulary = struct.pack("<I", len(tokens))
    for token, count in tokens:
        utf8 = token.encode()
        vocabulary += struct.pack("<I", len(utf8)) + utf8 + struct.pack("<Q", count)
    stored = sorted(embedding_rows)
    embeddings = struct.pack("<III", rows, columns, len(stored))
    embeddings += b"".join(struct.pack("<I", row) for row in stored)
    for row in stored:
        embeddings += struct.pack(f"<{columns}f", *embedding_rows[row])
    body = b"MTLM" + struct.pack("<I", 1)
    body += section(b"MANI", text) + section(b"VOCB", vocabulary) + section(b"EMBD", embeddings)
    for index, values in enumerate(heads):
        label_rows = len(values) // columns
        body += section(b"HEAD", struct.pack("<III", index, label_rows, columns)
                        + struct.pack(f"<{len(values)}f", *values))
    body += extra
    body += b"END " + struct.pack("<Q", 4)
    return body + struct.pack("<I", crc32c(body))


def varint(value):
    out = b""
    while value >= 0x80:
        out += bytes([(value & 0x7F) | 0x80])
        value >>= 7
    return out + bytes([value])


def quantized_model(manifest_object, tokens, rows, columns, stored, encoding, heads):
    """A version-2 model whose rows are a QEMB section: `encoding` is its bytes after the row
    index (encoding kind, norms kind, codebooks and codes)."""
    manifest_object = dict(manifest_object, quantization={
        "method": "product", "quantizedNorms": False, "rowsBefore": len(stored),
        "rowsKept": len(stored), "wordsBefore": len(tokens), "wordsKept": len(tokens),
        "seed": 1})
    text = json.dumps(manifest_object, sort_keys=True, separators=(",", ":")).encode()
    vocabulary = struct.pack("<I", len(tokens))
    for token, count in tokens:
        utf8 = token.encode()
        vocabulary += struct.pack("<I", len(utf8)) + utf8 + struct.pack("<Q", count)
    index, previous = b"", -1
    for row in stored:
        index += varint(row - previous - 1)
        previous = row
    qemb = struct.pack("<IIII", rows, columns, len(stored), len(index)) + index + encoding
    body = b"MTLM" + struct.pack("<I", 2)
    body += section(b"MANI", text) + section(b"VOCB", vocabulary) + section(b"QEMB", qemb)
    for number, values in enumerate(heads):
        body += section(b"HEAD", struct.pack("<III", number, len(values) // columns, columns)
                        + struct.pack(f"<{len(values)}f", *values))
    body += b"END " + struct.pack("<Q", 4)
    return body + struct.pack("<I", crc32c(body))


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "FuzzModelFile")
    os.makedirs(folder, exist_ok=True)
    seeds = {
        "hand-made.mtl": model(
            manifest([("spam", ["ham", "spam"])], 2, 2), [("win", 3), ("hi", 1)], 4, 2,
            {0: [1, -1], 1: [0.5, 0.25], 3: [2, 0]}, [[-1, 1, 1, -1]]),
        "two-tasks-unicode.mtl": model(
            manifest([("topic", ["sport", "world", "科学"]), ("spam", ["0", "1"])], 3, 4,
                     minn=2, maxn=3, wordNgrams=2),
            [("東京", 2), ("ภาษา", 1), ("😀", 1), ("<num>", 5)], 8, 3,
            {0: [0.1, 0.2, 0.3], 5: [-1, 0, 1], 7: [3, 2, 1]},
            [[1, 0, 0, 0, 1, 0, 0, 0, 1], [0.5, -0.5, 0, -0.5, 0.5, 0]]),
        "unknown-section.mtl": model(
            manifest([("spam", ["ham", "spam"])], 2, 2), [("win", 3), ("hi", 1)], 4, 2,
            {0: [1, -1]}, [[-1, 1, 1, -1]], extra=section(b"XTRA", b"\x01\x02\x03")),
        "empty-vocabulary.mtl": model(
            manifest([("t", ["a"])], 1, 1), [], 1, 1, {}, [[0.0]]),
    }
    # Product codes: sub-vectors of 1, three centroids, three rows; then norms quantized.
    product = (bytes([1, 0]) + struct.pack("<II", 1, 3) + struct.pack("<6f", 1, -1, 0.5, 0.25, 2, 0)
               + bytes([0, 0, 1, 1, 2, 2]))
    seeds["quantized-product.mtl"] = quantized_model(
        manifest([("spam", ["ham", "spam"])], 2, 2), [("win", 3), ("hi", 1)], 4, 2, [0, 1, 3],
        product, [[-1, 1, 1, -1]])
    normed = (bytes([1, 1]) + struct.pack("<II", 2, 2) + struct.pack("<4f", 0.6, 0.8, -1, 0)
              + bytes([0, 1, 0]) + struct.pack("<I", 2) + struct.pack("<2f", 1.5, 3)
              + bytes([0, 1, 1]))
    seeds["quantized-norms.mtl"] = quantized_model(
        manifest([("spam", ["ham", "spam"])], 2, 2), [("win", 3), ("hi", 1)], 4, 2, [0, 2, 3],
        normed, [[-1, 1, 1, -1]])
    eight_bit = (bytes([2, 0]) + struct.pack("<2f", -1, 0) + struct.pack("<2f", 0.01, 0.004)
                 + bytes([0, 200, 255, 3]))
    seeds["quantized-8-bit.mtl"] = quantized_model(
        manifest([("spam", ["ham", "spam"])], 2, 2), [("win", 3), ("hi", 1)], 4, 2, [1, 3],
        eight_bit, [[-1, 1, 1, -1]])
    for name, data in seeds.items():
        with open(os.path.join(folder, name), "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
