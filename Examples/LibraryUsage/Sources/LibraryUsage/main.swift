// The README's "Library" section, verbatim between the markers; a test checks that the two
// stay the same.
import MultiTaskText

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
  tasks: [TrainingTask(name: "spam"), TrainingTask(name: "topic")],
  features: FeatureConfiguration(buckets: 10_000), training: training)
let model = try trainer.train(examples: examples)

let predictor = try Predictor(model: model)
for answer in try predictor.predict("free prize for lunch") {
  print(answer.task, answer.label, answer.probability)  // one answer per task
}
// README: end

let answers = try predictor.predict("claim a free prize")
guard answers.map(\.task) == ["spam", "topic"], answers[0].label == "spam" else {
  fatalError("unexpected answers: \(answers)")
}
print("ok")
