"""The serving stack a user would build instead of `mtl serve`: FastAPI + uvicorn + the
fastText Python module, three models for the three tasks. Used by Benchmarks/serve.py.

FASTTEXT_MODELS=name=path,name=path,... uvicorn serve_fastapi_app:app
"""
import os, re

import fasttext
from fastapi import FastAPI
from pydantic import BaseModel

WORD = re.compile(r"\w+|[^\w\s]")
MODELS = {name: fasttext.load_model(path) for name, path in
          (item.split("=", 1) for item in os.environ["FASTTEXT_MODELS"].split(","))}
app = FastAPI()


class Body(BaseModel):
    texts: list[str]


@app.post("/v1/predict")
def predict(body: Body):
    # The same tokenization compare_fasttext.py gives fastText.
    texts = [" ".join(WORD.findall(text.lower())[:1000]) for text in body.texts]
    answers = [{} for _ in texts]
    for name, model in MODELS.items():
        labels, probabilities = model.predict(texts)
        for answer, label, probability in zip(answers, labels, probabilities):
            answer[name] = {"label": label[0].removeprefix("__label__"),
                            "probability": round(float(probability[0]), 5)}
    return {"predictions": answers}
