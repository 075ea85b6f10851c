"""The C header on its own: a plain C program, four pthreads sharing one handle."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import multitasktext
from conftest import REPO

PROGRAM = r"""
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "multitasktext.h"

static mtl_model *model;
static const char *texts = "free entry now!!Stocks rallied on Wall Streetawful film";
static const uint64_t offsets[] = {0, 16, 45, 55};
static char *reference;

static void *worker(void *unused) {
  (void)unused;
  for (int round = 0; round < 200; round++) {
    char *out = NULL;
    uint64_t length = 0;
    if (mtl_predict_json(model, texts, offsets, 3, NULL, &out, &length) != MTL_OK) return "failed";
    int same = strlen(reference) == length && memcmp(out, reference, length) == 0;
    mtl_buffer_free(out);
    if (!same) return "differs";
    mtl_predict_options bad = {0};
    bad.top_k = -round - 1;
    if (mtl_predict_json(model, texts, offsets, 3, &bad, &out, &length) != MTL_ERROR_INVALID_ARGUMENT)
      return "no error";
    char expected[64];
    snprintf(expected, sizeof expected, "--top-k must be 0 or more, found %d", -round - 1);
    if (strcmp(mtl_last_error_message(), expected) != 0) return "wrong message";
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (mtl_model_load("/nonexistent.mtl", &model) != MTL_ERROR_MODEL_FILE) return 2;
  printf("error: %s\n", mtl_last_error_message());
  if (mtl_model_load(argv[1], &model) != MTL_OK) return 3;
  if (mtl_model_task_name(model, 99) != NULL || mtl_last_error_code() != MTL_ERROR_INVALID_ARGUMENT) return 4;
  if (mtl_model_label(model, 0, -1) != NULL) return 5;
  if (mtl_predict_json(NULL, texts, offsets, 3, NULL, &reference, NULL) != MTL_ERROR_INVALID_ARGUMENT) return 6;
  uint64_t bad_offsets[] = {0, 20, 10, 55};
  if (mtl_predict_json(model, texts, bad_offsets, 3, NULL, &reference, NULL) != MTL_ERROR_INVALID_ARGUMENT) return 7;
  uint64_t length = 0;
  if (mtl_predict_json(model, texts, offsets, 3, NULL, &reference, &length) != MTL_OK) return 8;
  for (int32_t task = 0; task < mtl_model_task_count(model); task++)
    printf("%s:%d labels\n", mtl_model_task_name(model, task), mtl_model_label_count(model, task));
  fwrite(reference, 1, length, stdout);
  pthread_t threads[4];
  for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, worker, NULL);
  int failures = 0;
  for (int i = 0; i < 4; i++) {
    void *result;
    pthread_join(threads[i], &result);
    if (result != NULL) { fprintf(stderr, "thread %d: %s\n", i, (char *)result); failures++; }
  }
  mtl_buffer_free(reference);
  mtl_model_free(model);
  return failures;
}
"""


def test_c_program_with_four_threads_on_one_handle(model_path: str, mtl_binary: str, tmp_path: Path) -> None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler")
    library = Path(multitasktext.__file__).parent / "libMultiTaskTextC.so"
    source = tmp_path / "program.c"
    source.write_text(PROGRAM)
    program = tmp_path / "program"
    subprocess.run(
        [compiler, "-std=c11", "-Wall", "-Werror", "-I", str(REPO / "Sources/CMultiTaskText/include"),
         str(source), str(library), f"-Wl,-rpath,{library.parent}", "-lpthread", "-o", str(program)],
        check=True,
    )
    result = subprocess.run([str(program), model_path], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error: /nonexistent.mtl: cannot read the model: no such file" in result.stdout
    cli = subprocess.run(
        [mtl_binary, "predict", "--model", model_path],
        input="free entry now!!\nStocks rallied on Wall Street\nawful film\n", capture_output=True, text=True,
    )
    assert result.stdout.endswith(cli.stdout)
