#!/usr/bin/env python3
"""Test accuracy of a tuned sparse linear model (TF-IDF + LinearSVC) against `mtl pipeline`
with its defaults, on the same files of every shared single-label corpus, in points.

The baseline is the five lines a practitioner types first (issue 25, "What was measured 1"):
`TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))` + `LinearSVC(C)`, fitted on
train.jsonl, with C chosen by dev accuracy from {0.1, 0.3, 1, 3}; the model of that C (fitted
on train alone) is scored on test.jsonl. The Chinese corpora (thucnews_titles,
chnsenticorp_htl) are not segmented, so they use character 1-3-grams (`analyzer="char"`).
`mtl` trains each corpus alone from the raw train, dev and test files with no setting changed.
Every shared corpus has a dev file; for one that has none, C is chosen on a fixed stratified
10% of train (seed 42) and the model is refitted on all of train, so nothing is tuned on test
and `mtl` still sees the whole training file; the table says where that happened. goemotions
is multi-label and is left out (Benchmarks/goemotions.py covers it).

Usage: Benchmarks/linear_baseline.py [--mtl PATH] [--corpora a,b] [--json FILE]
Rerun as in docs/ACCURACY.md: `nice -n 10 python3 Benchmarks/linear_baseline.py --json
/tmp/linear.json` with a Python that has scikit-learn. Needs the shared corpora at
../shared/corpora (or SHARED_CORPORA); without --mtl, builds this checkout in release.
"""
import os, tempfile, time

from benchmark_support import (CORPORA, corpus_names, corpus_parser, mtl_binary,
                               pipeline_report, read_jsonl, write_json)

CORPUS_NAMES = [
    "twenty_newsgroups", "ag_news", "sst2", "cr", "mpqa", "subj", "trec", "uci_amazon_cells",
    "uci_imdb", "uci_yelp", "sms_spam", "thucnews_titles", "chnsenticorp_htl",
]
CHINESE = {"thucnews_titles", "chnsenticorp_htl"}
C_VALUES = [0.1, 0.3, 1, 3]
SEED = 42


def vectorizer(corpus):
    from sklearn.feature_extraction.text import TfidfVectorizer
    if corpus in CHINESE:
        return TfidfVectorizer(sublinear_tf=True, analyzer="char", ngram_range=(1, 3))
    return TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))


def texts_labels(records):
    return [r["text"] for r in records], [str(r["label"]) for r in records]


def linear_svc(corpus):
    """Fits the baseline; returns (test accuracy in points, chosen C, where C was chosen)."""
    from sklearn.model_selection import train_test_split
    from sklearn.svm import LinearSVC
    source = os.path.join(CORPORA, corpus)
    train = read_jsonl(f"{source}/train.jsonl")
    test = read_jsonl(f"{source}/test.jsonl")
    if os.path.exists(f"{source}/dev.jsonl"):
        fit, dev, tuned_on = train, read_jsonl(f"{source}/dev.jsonl"), "dev"
    else:
        fit, dev = train_test_split(train, test_size=0.1, random_state=SEED,
                                    stratify=[str(r["label"]) for r in train])
        tuned_on = "10% of train"
    def fitted(records, c_values):
        texts, labels = texts_labels(records)
        features = vectorizer(corpus)
        matrix = features.fit_transform(texts)
        return features, {c: LinearSVC(C=c).fit(matrix, labels) for c in c_values}
    def accuracy(features, model, records):
        texts, labels = texts_labels(records)
        return 100 * model.score(features.transform(texts), labels)
    features, models = fitted(fit, C_VALUES)
    dev_texts, dev_labels = texts_labels(dev)
    dev_matrix = features.transform(dev_texts)
    scores = {c: 100 * models[c].score(dev_matrix, dev_labels) for c in C_VALUES}
    best = max(C_VALUES, key=lambda c: (scores[c], -c))
    if fit is not train:
        features, models = fitted(train, [best])
    final = (features, models[best])
    return accuracy(*final, test), best, tuned_on


def mtl_defaults(mtl, corpus, work):
    source = os.path.join(CORPORA, corpus)
    files = {split: f"{source}/{split}.jsonl" for split in ("train", "dev", "test")
             if os.path.exists(f"{source}/{split}.jsonl")}
    report, seconds = pipeline_report(mtl, corpus, files, os.path.join(work, corpus))
    return 100 * report["tasks"][corpus]["accuracy"], seconds


def measure(mtl, corpus, work):
    """Both systems on one corpus; prints the corpus's row and returns its results."""
    start = time.monotonic()
    linear, c, tuned_on = linear_svc(corpus)
    linear_seconds = time.monotonic() - start
    accuracy, mtl_seconds = mtl_defaults(mtl, corpus, work)
    note = "" if tuned_on == "dev" else f"  (C chosen on {tuned_on}, seed {SEED})"
    print(f"  {corpus:20s} {linear:7.2f} {c:4g} {accuracy:7.2f} {accuracy - linear:+6.2f} "
          f"{linear_seconds:8.1f} {mtl_seconds:6.1f}{note}", flush=True)
    return {"corpus": corpus, "linear": linear, "C": c, "tunedOn": tuned_on, "mtl": accuracy,
            "delta": accuracy - linear, "linearSeconds": linear_seconds,
            "mtlSeconds": mtl_seconds}


def main():
    options = corpus_parser(__doc__.split("\n")[0], CORPUS_NAMES).parse_args()
    corpora = corpus_names(options.corpora)
    mtl = mtl_binary(options.mtl)
    print(f"TF-IDF + LinearSVC (C from {C_VALUES} on dev) against mtl pipeline defaults "
          f"({mtl}); test accuracy\n  {'corpus':20s} {'linear':>7s} {'C':>4s} {'mtl':>7s} "
          f"{'delta':>6s} {'linear s':>8s} {'mtl s':>6s}")
    with tempfile.TemporaryDirectory() as work:
        results = [measure(mtl, corpus, work) for corpus in corpora]
    mean = {key: sum(r[key] for r in results) / len(results) for key in ("linear", "mtl", "delta")}
    print(f"  {'mean':20s} {mean['linear']:7.2f} {'':4s} {mean['mtl']:7.2f} {mean['delta']:+6.2f}")
    if options.json:
        write_json(options.json, {"mtl": mtl, "corpora": results, "mean": mean})


if __name__ == "__main__":
    main()
