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

