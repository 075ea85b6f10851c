// The README's "Library" section as one program. Each region between `// README: begin` and
// `// README: end` is one of the README's swift blocks, in order and character for character
// (scripts/check-docs compares them), and the code between the regions checks that each
// snippet did what the README says. CI runs it: `swift run --package-path Examples/LibraryUsage`.
import Foundation
// README: begin
import MultiTaskText

let pipeline = try TextPipeline()  // NFKC + case folding, ICU word breaks
let text = try pipeline.tokenize("東京都に住んでいます")
print(text.texts)  // ["東京", "都", "に", "住", "んで", "い", "ます"]
print(text.tokens.map(\.kind.rawValue))  // ["ideographic", "ideographic", "kana", …]
// README: end

/// Stops the program with a message when a snippet did not do what the README says.
func check(_ condition: Bool, _ problem: @autoclosure () -> String) {
  if !condition {
    FileHandle.standardError.write(Data("LibraryUsage: \(problem())\n".utf8))
    exit(1)
  }
}

check(text.texts == ["東京", "都", "に", "住", "んで", "い", "ます"], "tokens \(text.texts)")
check(
  text.tokens.map(\.kind) == [
    .ideographic, .ideographic, .kana, .ideographic, .kana, .kana, .kana,
  ],
  "kinds \(text.tokens.map(\.kind))")

// README: begin
let examples = [
  Example(text: "win a free prize now", labels: ["spam": "spam", "topic": "offers"]),
  Example(text: "claim your free cash prize", labels: ["spam": "spam"]),
  Example(text: "see you at lunch tomorrow", labels: ["spam": "ham", "topic": "plans"]),
  Example(text: "can you send the slides", labels: ["spam": "ham"]),
  Example(text: "dinner with the team on friday", labels: ["topic": "plans"]),
  Example(text: "half price offer ends today", labels: ["topic": "offers"]),
]
var training = TrainingConfiguration()
training.epochs = 50
let trainer = Trainer(
  tasks: [TaskSpecification(name: "spam"), TaskSpecification(name: "topic")],
  features: FeatureConfiguration(buckets: 10_000), training: training)
let model = try trainer.train(examples: examples)

let predictor = try Predictor(model: model)
for answer in try predictor.predict("free prize for lunch") {
  print(answer.task, answer.label, answer.probability)  // one answer per task
}
// README: end

let answers = try predictor.predict("claim a free prize")
check(answers.map(\.task) == ["spam", "topic"], "tasks \(answers.map(\.task))")
check(answers[0].label == "spam", "\"claim a free prize\" answered \(answers[0].label)")

// The pipeline snippet reads `corpora/` and writes `model.mtl` in the repository's root, the
// folder a reader of the README works in, wherever this program was started.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
check(
  FileManager.default.changeCurrentDirectoryPath(root.path),
  "cannot change to the repository's root \(root.path)")
check(!FileManager.default.fileExists(atPath: "model.mtl"), "\(root.path)/model.mtl exists")

// README: begin
let tasks = ["topic", "sentiment", "spam"].map { name in
  TaskConfiguration(
    name: name,
    train: CorpusSource(path: "corpora/\(name)/train.jsonl", format: .jsonl, taskName: name),
    test: CorpusSource(path: "corpora/\(name)/test.jsonl", format: .jsonl, taskName: name))
}
let result = try Pipeline(configuration: PipelineConfiguration(tasks: tasks)).run()
for task in result.report.tasks {
  print(task.name, task.metrics.accuracy)  // test accuracy, one line per task
}
try ModelFile.write(result.model, to: "model.mtl")
// README: end

let reloaded = try ModelFile.read(path: "model.mtl")
try FileManager.default.removeItem(atPath: "model.mtl")
let sentence = "The striker scored twice in the final"
check(
  try Predictor(model: reloaded).predict(sentence)
    == (try Predictor(model: result.model).predict(sentence)),
  "model.mtl predicts differently from the model it was written from")
check(result.report.tasks.map(\.name) == ["topic", "sentiment", "spam"], "report's tasks")
for task in result.report.tasks {
  check(
    task.metrics.accuracy > task.majorityBaseline.accuracy,
    "\(task.name): accuracy \(task.metrics.accuracy) is not above the majority baseline")
}
print("ok")
