#!/usr/bin/env python3
"""Writes a deterministic corpus with thousands of Zipf-distributed labels, for measuring
large label spaces (`large_labels.py`).

    Benchmarks/generate_zipf_corpus.py --labels 3000 --documents 30000 --seed 1 --output DIR

Label `k` (counting from 1) is drawn with probability proportional to `1 / k`, so a few labels
are common and most are rare, as with product categories or tags. The same seed always
writes the same bytes (Python's Mersenne Twister, seeded with `--seed`, is the only source of
randomness, and nothing depends on hash order or the clock).

How a document is made, so that the task is learnable but not trivial:

- Every label has six words of its own, and belongs to one of `labels / 50` groups, whose
  twenty words its siblings share.
- A document has 8 to 30 tokens: two to four label words (each, with probability 0.8, one of
  its label's six, otherwise one of a random other label's: noise), one to three words of its
  group, and the rest background words from a 20,000-word vocabulary drawn with Zipf weights
  which carry no information.
- Every word is a distinct random string of 4 to 9 letters, so that spelling says nothing
  about the label (character n-grams have no shortcut) and the words of a label look as
  unrelated as real words do.
- Tokens are shuffled, so word order carries no information either.

A rare label's few documents are enough to learn its words, but the noise and the shared group
words keep accuracy well below 100%.

Documents are split 80/10/10 into train, dev and test in generation order (the order is already
random). Each split is written twice: `train.jsonl` with `{"text": ..., "label": ...}` lines
(labels are `c0` ... in rank order: `c0` is the most frequent), and `train.txt` in fastText's
format, `__label__c0 word word ...`, with the same documents in the same order.
"""
import argparse, bisect, itertools, json, os, random


def zipf_weights(count, exponent=1.0):
    return list(itertools.accumulate(1 / (rank ** exponent) for rank in range(1, count + 1)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=int, default=3000)
    parser.add_argument("--documents", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", required=True, help="directory to write the six files to")
    options = parser.parse_args()
    if options.labels < 2 or options.documents < 10:
        parser.error("need at least 2 labels and 10 documents")
    generator = random.Random(options.seed)
    label_cumulative = zipf_weights(options.labels)
    background_cumulative = zipf_weights(20000)
    groups = max(1, options.labels // 50)
    seen = set()

    def new_word():
        while True:
            word = "".join(generator.choice("abcdefghijklmnopqrstuvwxyz")
                           for _ in range(generator.randint(4, 9)))
            if word not in seen:
                seen.add(word)
                return word

    label_words = [[new_word() for _ in range(6)] for _ in range(options.labels)]
    group_words = [[new_word() for _ in range(20)] for _ in range(groups)]
    background = [new_word() for _ in range(20000)]

    def draw(cumulative):
        return bisect.bisect_left(cumulative, generator.random() * cumulative[-1])

    documents = []
    for _ in range(options.documents):
        label = draw(label_cumulative)
        group = label % groups
        words = []
        for _ in range(generator.randint(2, 4)):
            owner = label if generator.random() < 0.8 else generator.randrange(options.labels)
            words.append(label_words[owner][generator.randrange(6)])
        for _ in range(generator.randint(1, 3)):
            words.append(group_words[group][generator.randrange(20)])
        length = generator.randint(8, 30)
        while len(words) < length:
            words.append(background[draw(background_cumulative)])
        generator.shuffle(words)
        documents.append((f"c{label}", " ".join(words)))

    os.makedirs(options.output, exist_ok=True)
    train_end = options.documents * 8 // 10
    dev_end = options.documents * 9 // 10
    splits = {"train": documents[:train_end], "dev": documents[train_end:dev_end],
              "test": documents[dev_end:]}
    for name, rows in splits.items():
        with open(os.path.join(options.output, f"{name}.jsonl"), "w", encoding="utf-8") as jsonl:
            for label, text in rows:
                jsonl.write(json.dumps({"text": text, "label": label}) + "\n")
        with open(os.path.join(options.output, f"{name}.txt"), "w", encoding="utf-8") as plain:
            for label, text in rows:
                plain.write(f"__label__{label} {text}\n")


if __name__ == "__main__":
    main()
