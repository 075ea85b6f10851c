"""One model shared by threads: the library pools predictors, and errors stay per thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import multitasktext as mtl


def test_threads_sharing_a_model_get_the_single_threaded_answers(model: mtl.Model, texts) -> None:
    expected = model.predict_json(texts)
    proba = model.predict_proba(texts, task="topic")
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda _: model.predict_json(texts), range(24)))
        probabilities = list(pool.map(lambda _: model.predict_proba(texts, task="topic"), range(12)))
    assert all(answer == expected for answer in answers)
    assert all((p == proba).all() for p in probabilities)


def test_errors_are_per_thread(model: mtl.Model) -> None:
    def fail(index: int) -> str:
        try:
            model.predict(["x"], top_k=-index - 1)
        except mtl.InvalidArgumentError as error:
            return error.message
        return "no error"

    def succeed(_: int) -> bool:
        return len(model.predict(["Stocks rallied"] * 50)) == 50

    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = pool.map(fail, range(200))
        successes = pool.map(succeed, range(200))
        assert list(failures) == [f"--top-k must be 0 or more, found {-i - 1}" for i in range(200)]
        assert all(successes)


def test_models_load_and_free_in_threads(model_path: str) -> None:
    def load_and_predict(_: int) -> dict:
        with mtl.load(model_path) as local:
            return local.predict(["free entry"])[0]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(load_and_predict, range(8)))
    assert all(result == results[0] for result in results)


def test_native_threads_split_a_batch_without_changing_it(model: mtl.Model, texts) -> None:
    expected = model.predict_json(texts, top_k=2)
    proba = model.predict_proba(texts, task="sentiment")
    for threads in (0, 2, 3, 64):
        assert model.predict_json(texts, top_k=2, threads=threads) == expected
        assert (model.predict_proba(texts, task="sentiment", threads=threads) == proba).all()
    assert model.predict(texts[:10], threads=8) == model.predict(texts[:10])


# Each round loads the model, lets four threads predict on it, and closes it from the main
# thread while they run. Run in a child process: a crash there fails this test with its
# signal instead of killing pytest.
CLOSE_RACE = r"""
import random, sys, threading
import multitasktext as mtl

path, rounds = sys.argv[1], int(sys.argv[2])
texts = ["free entry now", "Stocks rallied on Wall Street", "awful film"] * 20
expected = mtl.load(path).predict_json(texts)
problems, closed_errors = [], [0]

def predict(model, stop):
    while not stop.is_set():
        try:
            if random.random() < 0.5:
                answer = model.predict_json(texts)
                if answer != expected:
                    problems.append("a different answer")
            else:
                model.predict_proba(texts, task="spam")
        except mtl.InvalidArgumentError as error:
            if error.message != "the model is closed":
                problems.append(error.message)
            closed_errors[0] += 1
            return

for round in range(rounds):
    model = mtl.load(path)
    stop = threading.Event()
    threads = [threading.Thread(target=predict, args=(model, stop)) for _ in range(4)]
    for thread in threads:
        thread.start()
    threading.Event().wait(random.uniform(0, 0.004))
    model.close()
    stop.set()
    for thread in threads:
        thread.join()
    if problems:
        sys.exit(f"round {round}: {problems[0]}")
print(f"{rounds} rounds, {closed_errors[0]} calls refused after close")
"""


def test_close_while_threads_predict_never_crashes(model_path: str, tmp_path) -> None:
    import os
    import subprocess
    import sys

    rounds = int(os.environ.get("MULTITASKTEXT_CLOSE_ROUNDS", "1000"))
    script = tmp_path / "close_race.py"
    script.write_text(CLOSE_RACE)
    result = subprocess.run(
        [sys.executable, str(script), model_path, str(rounds)], capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.startswith(f"{rounds} rounds, ")
    refused = int(result.stdout.split(", ")[1].split()[0])
    assert refused > 0, "no call ever met a closed model: the race was not exercised"


def test_calls_after_close_raise_a_clear_error(model_path: str) -> None:
    model = mtl.load(model_path)
    model.close()
    for call in (lambda: model.predict(["x"]), lambda: model.predict_json(["x"]), lambda: model.predict_proba(["x"], task="spam")):
        try:
            call()
        except mtl.InvalidArgumentError as error:
            assert error.message == "the model is closed"
        else:
            raise AssertionError("a closed model answered")
