#!/usr/bin/env python3
"""Side-by-side benchmark of `mtl` against Debian's `fasttext`, in the same run.

Matched settings on both sides: dim 50, wordNgrams 2, epochs 5, lr 0.5 with fastText's
optimizer (plain SGD, linearly decayed; `mtl`'s default is AdaGrad), 2M buckets, minCount 1,
2 threads. fastText gets the text pre-tokenized in its own style (lowercased,
punctuation split off, cut to 1,000 tokens because it splits longer lines) and its training
file shuffled; that preprocessing is not timed. `mtl` starts from the raw JSONL, so its ICU
normalization and segmentation are timed.

Reported, as medians of alternating runs and as ratios mtl / fastText:
  training   twenty_newsgroups: wall time, peak memory (/usr/bin/time -v), test accuracy
  prediction one mtl model with three tasks (ag_news + sst2 + sms_spam) against three
             fastText models over the same 50,000 documents: wall time, documents/s
  tokenize   mtl tokenize throughput in MB/s on English and Chinese text
  scaling    training time on 1/4, 1/2 and all of twenty_newsgroups, both tools

Usage: Benchmarks/compare_fasttext.py [--runs N] [--sections training,prediction,...]
Needs: a release build of mtl (built here), `apt-get install -y fasttext`, and the shared
corpora at ../shared/corpora (or SHARED_CORPORA).
"""
import argparse, json, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

from benchmark_support import CORPORA, ROOT, release_mtl, timed
SETTINGS = dict(dim=50, wordNgrams=2, epoch=5, lr=0.5, bucket=2_000_000, minCount=1, thread=2)
WORD = re.compile(r"\w+|[^\w\s]")


def fasttext_tokens(text, limit=1000):
    return " ".join(WORD.findall(text.lower())[:limit])


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def write_fasttext(records, path, shuffle):
    lines = [f"__label__{str(r['label']).replace(' ', '_')} {fasttext_tokens(r['text'])}\n"
             for r in records]
    if shuffle:
        random.Random(1).shuffle(lines)
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(lines)


def mtl_config(path, tasks, output):
    lines = ["tasks:"]
    for name, train in tasks:
        lines += [f"  - name: {name}", f"    train: {train}"]
    lines += [
        f"model: {{dimension: {SETTINGS['dim']}}}",
        f"features: {{wordNgrams: {SETTINGS['wordNgrams']}, buckets: {SETTINGS['bucket']}, "
        f"minCount: {SETTINGS['minCount']}}}",
        f"training: {{epochs: {SETTINGS['epoch']}, learningRate: {SETTINGS['lr']}, "
        f"optimizer: sgd, threads: {SETTINGS['thread']}}}",
        f"output: {{directory: {output}}}",
    ]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def fasttext_train(train, output):
    return ["fasttext", "supervised", "-input", train, "-output", output, "-verbose", "0",
            *[f"-{key}" if i % 2 == 0 else str(value)
              for key, value in SETTINGS.items() for i in (0, 1)]]


def mtl_accuracy(mtl, model, records, work):
    texts = os.path.join(work, "accuracy-input.txt")
    with open(texts, "w", encoding="utf-8") as handle:
        handle.writelines(r["text"].replace("\n", " ") + "\n" for r in records)
    output = subprocess.run([mtl, "predict", "--model", model, texts], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    task = next(iter(json.loads(output[0])))
    right = sum(json.loads(line)[task]["label"] == str(r["label"])
                for line, r in zip(output, records))
    return right / len(records)


def fasttext_accuracy(model, test):
    output = subprocess.run(["fasttext", "test", model, test], capture_output=True, text=True,
                            check=True).stdout
    return float(re.search(r"P@1\s+([\d.]+)", output).group(1))


def median(values):
    return statistics.median(values)


def row(name, mtl_value, fasttext_value, unit, lower_is_better=True):
    ratio = mtl_value / fasttext_value if fasttext_value else float("inf")
    print(f"  {name:28s} mtl {mtl_value:10.3f} {unit:5s} fastText {fasttext_value:10.3f} "
          f"{unit:5s} ratio {ratio:5.2f}")
    return ratio


def training(mtl, work, runs):
    print("== training: twenty_newsgroups (2 threads)")
    source = os.path.join(CORPORA, "twenty_newsgroups")
    train, test = read_jsonl(f"{source}/train.jsonl"), read_jsonl(f"{source}/test.jsonl")
    write_fasttext(train, f"{work}/ng.train.txt", shuffle=True)
    write_fasttext(test, f"{work}/ng.test.txt", shuffle=False)
    mtl_config(f"{work}/ng.yaml", [("newsgroup", f"{source}/train.jsonl")], f"{work}/ng-mtl")
    samples = {"mtl": [], "fasttext": []}
    for _ in range(runs):
        samples["mtl"].append(timed([mtl, "train", f"{work}/ng.yaml", "--quiet"]))
        samples["fasttext"].append(timed(fasttext_train(f"{work}/ng.train.txt", f"{work}/ng-ft")))
    mtl_time = median([s[0] for s in samples["mtl"]])
    ft_time = median([s[0] for s in samples["fasttext"]])
    mtl_peak = median([s[1] for s in samples["mtl"]]) / 1024
    ft_peak = median([s[1] for s in samples["fasttext"]]) / 1024
    mtl_acc = mtl_accuracy(mtl, f"{work}/ng-mtl/model.mtl", test, work) * 100
    ft_acc = fasttext_accuracy(f"{work}/ng-ft.bin", f"{work}/ng.test.txt") * 100
    ratios = {
        "time": row("wall time (median)", mtl_time, ft_time, "s"),
        "memory": row("peak memory (median)", mtl_peak, ft_peak, "MiB"),
    }
    row("test accuracy", mtl_acc, ft_acc, "%")
    print(f"  floors: time ratio <= 1.0 {'ok' if ratios['time'] <= 1 else 'MISSED'}; "
          f"memory ratio <= 1.0 {'ok' if ratios['memory'] <= 1 else 'MISSED'}; "
          f"accuracy >= fastText {'ok' if mtl_acc >= ft_acc else 'MISSED'}")
    for name in ("ng-ft.bin", "ng-ft.vec"):
        if os.path.exists(f"{work}/{name}"):
            os.remove(f"{work}/{name}")


def train_three(mtl, work, names):
    """Trains one fastText model per corpus in `names` (`{work}/{name}-ft.bin`) and one mtl
    model with a task per corpus (`{work}/three/model.mtl`), which the prediction benchmarks
    compare."""
    for name in names:
        write_fasttext(read_jsonl(f"{CORPORA}/{name}/train.jsonl"), f"{work}/{name}.train.txt",
                       shuffle=True)
        subprocess.run(fasttext_train(f"{work}/{name}.train.txt", f"{work}/{name}-ft"),
                       check=True)
    mtl_config(f"{work}/three.yaml",
               [(name, f"{CORPORA}/{name}/train.jsonl") for name in names], f"{work}/three")
    subprocess.run([mtl, "train", f"{work}/three.yaml", "--quiet"], check=True,
                   capture_output=True)


def prediction(mtl, work, runs):
    print("== prediction: three tasks, 50,000 documents")
    names = ["ag_news", "sst2", "sms_spam"]
    texts = [r["text"].replace("\n", " ") for name in names
             for r in read_jsonl(f"{CORPORA}/{name}/test.jsonl")]
    documents = [texts[i % len(texts)] for i in range(50_000)]
    with open(f"{work}/raw.txt", "w", encoding="utf-8") as handle:
        handle.writelines(text + "\n" for text in documents)
    with open(f"{work}/tokenized.txt", "w", encoding="utf-8") as handle:
        handle.writelines(fasttext_tokens(text) + "\n" for text in documents)
    train_three(mtl, work, names)
    mtl_times, ft_times = [], []
    for _ in range(runs):
        with open(f"{work}/raw.txt", "rb") as stdin:
            mtl_times.append(timed([mtl, "predict", "--model", f"{work}/three/model.mtl"],
                                   stdin=stdin)[0])
        total = 0.0
        for name in names:
            total += timed(["fasttext", "predict", f"{work}/{name}-ft.bin",
                            f"{work}/tokenized.txt"])[0]
        ft_times.append(total)
    ratio = row("wall time (median)", median(mtl_times), median(ft_times), "s")
    row("documents per second", 50_000 / median(mtl_times), 50_000 / median(ft_times), "doc/s")
    print(f"  floor: time ratio <= 0.5 {'ok' if ratio <= 0.5 else 'MISSED'}")
    for name in names:
        for suffix in (".bin", ".vec"):
            path = f"{work}/{name}-ft{suffix}"
            if os.path.exists(path):
                os.remove(path)


def tokenize(mtl, work, runs):
    print("== tokenization: mtl tokenize, one core")
    for name in ["ag_news", "thucnews_titles"]:
        path = f"{work}/{name}.txt"
        with open(path, "w", encoding="utf-8") as handle:
            for split in ["train", "dev", "test"]:
                handle.writelines(r["text"].replace("\n", " ") + "\n"
                                  for r in read_jsonl(f"{CORPORA}/{name}/{split}.jsonl"))
        size = os.path.getsize(path) / 1e6
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(["taskset", "-c", "0", mtl, "tokenize", path], check=True,
                           stdout=subprocess.DEVNULL)
            seconds.append(time.perf_counter() - start)
        print(f"  {name:28s} {size:6.2f} MB  median {size / median(seconds):6.1f} MB/s")


def scaling(mtl, work, runs):
    print("== scaling: training time against corpus size (2 threads)")
    source = os.path.join(CORPORA, "twenty_newsgroups")
    train = read_jsonl(f"{source}/train.jsonl")
    random.Random(2).shuffle(train)
    for fraction in (0.25, 0.5, 1.0):
        part = train[: int(len(train) * fraction)]
        with open(f"{work}/part.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
        write_fasttext(part, f"{work}/part.txt", shuffle=True)
        mtl_config(f"{work}/part.yaml", [("newsgroup", f"{work}/part.jsonl")], f"{work}/part")
        mtl_times, ft_times = [], []
        for _ in range(runs):
            mtl_times.append(timed([mtl, "train", f"{work}/part.yaml", "--quiet"])[0])
            ft_times.append(timed(fasttext_train(f"{work}/part.txt", f"{work}/part-ft"))[0])
        row(f"{int(fraction * 100)}% ({len(part)} documents)", median(mtl_times),
            median(ft_times), "s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sections", default="training,prediction,tokenize,scaling")
    arguments = parser.parse_args()
    if shutil.which("fasttext") is None:
        sys.exit("fasttext not found: apt-get install -y fasttext")
    mtl = release_mtl()
    print(f"mtl vs fastText, {arguments.runs} alternating runs each, "
          f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as work:
        for section in arguments.sections.split(","):
            {"training": training, "prediction": prediction, "tokenize": tokenize,
             "scaling": scaling}[section](mtl, work, arguments.runs)


if __name__ == "__main__":
    main()
