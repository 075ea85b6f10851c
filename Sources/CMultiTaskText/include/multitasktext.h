/*
 * multitasktext.h: the C API of MultiTaskText (libMultiTaskTextC.so).
 *
 * Plain C: only stdint/stddef types and opaque handles cross the boundary, so any language
 * with a C foreign-function interface (Python's ctypes, Java's Panama, Rust, Go) can use it.
 *
 * Errors. Every function that can fail returns an int32_t status: 0 (MTL_OK) on success, or
 * one of the MTL_ERROR_* codes. The message of the calling thread's last failure, the same
 * text `mtl` prints after "Error: ", is kept in thread-local storage until that thread's next
 * failing call: read it with mtl_last_error_message(). No function aborts the host process
 * on bad input; indices and pointers are checked and reported as MTL_ERROR_INVALID_ARGUMENT.
 *
 * Threads. A model handle is internally pooled: any number of threads may call the predict
 * functions on one handle at the same time. Each call borrows a predictor from the handle's
 * pool (creating one when all are busy) and returns it afterwards. Only mtl_model_free must
 * not race with other calls on the same handle.
 *
 * Memory. Buffers the library returns (char **out) are allocated with malloc and released
 * with mtl_buffer_free. Strings returned as const char * (task and label names) belong to the
 * model handle and live until mtl_model_free.
 */
#ifndef MULTITASKTEXT_H
#define MULTITASKTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. */
#define MTL_OK 0
#define MTL_ERROR_INVALID_ARGUMENT 1 /* a null pointer, an index out of range, a bad option */
#define MTL_ERROR_MODEL_FILE 2       /* the model file is missing, truncated or not a model */
#define MTL_ERROR_TEXT 3             /* the text could not be normalized or tokenized */
#define MTL_ERROR_CONFIGURATION 4    /* the configuration file or an override is invalid */
#define MTL_ERROR_TRAINING 5         /* reading corpora or training failed */
#define MTL_ERROR_IO 6               /* writing the model or vocabulary failed */
#define MTL_ERROR_OTHER 7            /* anything else */

/* An opaque loaded model with its pool of predictors. */
typedef struct mtl_model mtl_model;

/* What each prediction holds; the fields of `mtl predict`'s options. Zero-initialize, then
 * set what you need. */
typedef struct mtl_predict_options {
  int32_t top_k;                 /* --top-k: list the k most probable labels (0: none) */
  int32_t explain;               /* --explain: the k strongest tokens and n-grams (0: none) */
  int32_t has_min_probability;   /* nonzero: min_probability overrides each task's minimum */
  float min_probability;         /* --min-probability, in [0, 1] */
  const char *tasks;             /* --tasks: comma-separated task names, or NULL for all */
  int32_t threads;               /* split the batch over this many threads (0 or 1: the
                                    calling thread only); the output order is unchanged */
} mtl_predict_options;

/* Text preparation for mtl_tokenize; the options of `mtl tokenize`. Initialize with
 * mtl_tokenize_options_default. */
typedef struct mtl_tokenize_options {
  int32_t normalization;      /* 0 none, 1 nfc, 2 nfkc (default) */
  int32_t case_folding;       /* default 1 */
  int32_t strip_accents;      /* default 0 */
  int32_t strict_utf8;        /* default 0: replace invalid bytes with U+FFFD */
  int32_t drop_punctuation;   /* default 0 */
  int32_t drop_symbols;       /* default 0 */
  int32_t number_placeholder; /* default 0 */
  int32_t urls;               /* 0 split, 1 keep (default), 2 placeholder */
  int32_t emails;             /* 0 split, 1 keep (default), 2 placeholder */
  const char *locale;         /* ICU locale, or NULL for root */
} mtl_tokenize_options;

/* The library's version, e.g. "0.1.0". Static storage. */
const char *mtl_version(void);

/* The calling thread's last error message (UTF-8, "" when none), valid until that thread's
 * next failing call, and its code (MTL_OK when none). */
const char *mtl_last_error_message(void);
int32_t mtl_last_error_code(void);

/* Releases a buffer returned through a char **out parameter. NULL is ignored. */
void mtl_buffer_free(char *buffer);

/* Loads the model file at `path` (NUL-terminated UTF-8) into *out. */
int32_t mtl_model_load(const char *path, mtl_model **out);
/* Frees a model handle. NULL is ignored. */
void mtl_model_free(mtl_model *model);

/* Tasks in the model's order, their labels in label order. Names belong to the handle; an
 * index out of range returns NULL (or -1 for counts) and sets the last error. */
int32_t mtl_model_task_count(const mtl_model *model);
const char *mtl_model_task_name(const mtl_model *model, int32_t task);
int32_t mtl_model_task_is_multi_label(const mtl_model *model, int32_t task);
int32_t mtl_model_label_count(const mtl_model *model, int32_t task);
const char *mtl_model_label(const mtl_model *model, int32_t task, int32_t label);

/* Predicts `count` UTF-8 documents stored back to back in `texts`: document i is the bytes
 * texts[offsets[i]] ..< texts[offsets[i + 1]] (offsets has count + 1 entries). Writes the JSON
 * lines `mtl predict` prints, one per document, each ending in '\n', to a new buffer *out of
 * *out_length bytes (not NUL-terminated). `options` may be NULL for the defaults. */
int32_t mtl_predict_json(
    mtl_model *model, const char *texts, const uint64_t *offsets, uint64_t count,
    const mtl_predict_options *options, char **out, uint64_t *out_length);

/* Writes task `task`'s probabilities for `count` documents (laid out as for
 * mtl_predict_json) into `probabilities`, row-major: count rows of
 * mtl_model_label_count(model, task) floats, in label order. `threads` is as in
 * mtl_predict_options. */
int32_t mtl_predict_probabilities(
    mtl_model *model, const char *texts, const uint64_t *offsets, uint64_t count, int32_t task,
    int32_t threads, float *probabilities);

/* How a task answered a document in mtl_predict_labels' `statuses`. */
#define MTL_ANSWER_LABEL 0              /* answered: its label(s) fill the slots */
#define MTL_ANSWER_NO_KNOWN_TOKENS 1    /* no known word: the JSON's "no known tokens" */
#define MTL_ANSWER_BELOW_MINIMUM 2      /* top probability under the task's minimum: the JSON's
                                           "below P"; the first slot holds the candidate */

/* The slots one document's answer of task `task` takes in mtl_predict_labels with `top_k`: a
 * single-label task 1 + min(top_k, labels) (its answer, then its top_k list); a multi-label
 * task min(top_k, labels) with top_k, else its label count (the labels that reach their
 * thresholds, most probable first). Returns -1 and sets the last error for a bad argument. */
int32_t mtl_predict_slot_count(const mtl_model *model, int32_t task, int32_t top_k);

/* mtl_predict_json's answers as numbers, for hosts that would only parse the JSON again.
 * Documents are laid out as for mtl_predict_json; options->explain must be 0. Let T be the
 * answered tasks (all, or options->tasks, in the model's order) and W the sum of their
 * mtl_predict_slot_count. For document i and its t-th answered task:
 *   statuses[i * T + t]         one of MTL_ANSWER_*;
 *   labels[i * W + offset_t ..] label indices, most probable first, -1 in unused slots;
 *   probabilities[same]         each label's probability as computed (the JSON rounds to
 *                               five decimals), 0 in unused slots;
 *   selected[same]              1 when a multi-label task's label reaches its threshold (the
 *                               JSON's "selected"); may be NULL;
 * where offset_t is the slot count of the answered tasks before t. The arrays are the
 * caller's, of count * T and count * W elements. */
int32_t mtl_predict_labels(
    mtl_model *model, const char *texts, const uint64_t *offsets, uint64_t count,
    const mtl_predict_options *options, int32_t *statuses, int32_t *labels,
    float *probabilities, uint8_t *selected);

/* Fills `options` with `mtl tokenize`'s defaults. */
void mtl_tokenize_options_default(mtl_tokenize_options *options);

/* Tokenizes `count` UTF-8 documents laid out as for mtl_predict_json. Writes, per document,
 * the JSON line `mtl tokenize --format jsonl` prints
 * ({"tokens":[{"text","kind","start","end"}...]}, plus "invalidBytes" when bytes were
 * replaced), to a new buffer. `options` may be NULL for the defaults. */
int32_t mtl_tokenize(
    const char *texts, const uint64_t *offsets, uint64_t count,
    const mtl_tokenize_options *options, char **out, uint64_t *out_length);

/* Trains like `mtl train CONFIG --quiet [--set key=value ...]`: reads the configuration,
 * trains, and writes <output.directory>/model.mtl and vocabulary.tsv atomically. Returns the
 * model's path as a new NUL-terminated buffer in *model_path. `overrides` holds
 * `override_count` NUL-terminated "key=value" strings, or is NULL when the count is 0. */
int32_t mtl_train(
    const char *configuration_path, const char *const *overrides, uint64_t override_count,
    char **model_path);

/* What to evaluate a model on; the options of `mtl eval`. Zero-initialize, then set what you
 * need: at least `config` or one task file. */
typedef struct mtl_evaluate_options {
  const char *config;            /* --config: a configuration whose tasks' test files (and
                                    field settings) to use, or NULL */
  const char *const *task_files; /* --task: "name=file" strings, evaluating task `name` on
                                    `file` instead of its test file */
  uint64_t task_file_count;      /* the number of task_files */
  const char *input_format;      /* --input-format of the task files: "jsonl", "csv", "tsv" or
                                    "fasttext", or NULL to tell it from each extension */
  const char *text_column;       /* --text-column of the task files (header name, 0-based
                                    position or JSONL key), or NULL */
  const char *label_column;      /* --label-column of the task files, or NULL */
  int32_t no_header;             /* --no-header: the task files' CSV/TSV have no header row */
  int32_t skip_invalid;          /* --skip-invalid: skip malformed records */
} mtl_evaluate_options;

/* Evaluates the model file at `model_path` like `mtl eval --format json`: the same files, the
 * same checks and messages, and the same report JSON (per-task accuracy, F1, per-class
 * tables, confusion matrices, and a "run" record with the model's checksum), written to a new
 * buffer *out of *out_length bytes (NUL-terminated, the NUL not counted; out_length may be
 * NULL). `options` may not be NULL in practice, since something must name the test files.
 * Tasks that are left out are not reported as warnings; the report lists the tasks it
 * evaluated. */
int32_t mtl_evaluate(
    const char *model_path, const mtl_evaluate_options *options, char **out,
    uint64_t *out_length);

/* How to quantize; the options of `mtl quantize`. Zero-initialize, then set what you need;
 * zero means the default for every number. */
typedef struct mtl_quantize_options {
  const char *target_size;        /* --target-size, such as "4MB", "800kB" or "3MiB": choose
                                     the sub-vector width and cutoff that fit; or NULL */
  int64_t cutoff;                 /* --cutoff: keep the N rows of largest norm (0: all) */
  int32_t dsub;                   /* --dsub: sub-vector width (0: 2, or the search's choice) */
  int32_t qnorm;                  /* --qnorm: quantize norms apart from directions */
  int32_t bits;                   /* --bits: 8 for 8-bit rows (0: product quantization) */
  int32_t retrain;                /* --retrain: refit the heads on the quantized rows; needs
                                     config or train_files */
  const char *config;             /* --config: retrain on its tasks' training files, or NULL */
  const char *const *train_files; /* --train: "file" (single-task model) or "name=file" */
  uint64_t train_file_count;      /* the number of train_files */
  const char *input_format;       /* --input-format of train_files, or NULL */
  int32_t epochs;                 /* --epochs of retraining (0: 5) */
  double learning_rate;           /* --learning-rate of retraining (0: 0.1) */
  int32_t has_seed;               /* nonzero: `seed` replaces the model's training seed */
  uint64_t seed;                  /* --seed of the k-means and of retraining */
  int32_t skip_invalid;           /* --skip-invalid: skip malformed retraining records */
} mtl_quantize_options;

/* Quantizes the float model file at `model_path` into `output_path` like `mtl quantize
 * MODEL --output OUTPUT --quiet`: the same checks and messages, and byte for byte the same
 * model. The output is written atomically, so on any failure it keeps its previous contents.
 * `options` may be NULL for the defaults (product quantization of every row, sub-vectors of
 * 2). Nothing is printed: a result above the target size, or retraining labels the model does
 * not know, are not reported; read the output's manifest for how it was made. */
int32_t mtl_quantize(
    const char *model_path, const char *output_path, const mtl_quantize_options *options);

#ifdef __cplusplus
}
#endif

#endif /* MULTITASKTEXT_H */
