import Foundation

@testable import MultiTaskText

/// Reports to render in tests and to look at: set `MTL_REPORT_SAMPLE_DIR` and run
/// `swift test --filter ReportSample` to write the sample in every format to that directory.
enum SampleReports {
  /// Three tasks: 4 classes (labels with `&` and `<`), 2 classes plus a label never seen in
  /// training, and 20 classes with long, CJK and emoji labels, one of them never predicted;
  /// with a 5-epoch training history.
  static func threeTasks() -> EvaluationReport {
    let topic = task(
      name: "topic", file: "corpora/news/topic.test.jsonl",
      labels: ["world", "sports", "business", "sci<tech> & \"AI\""],
      support: [310, 420, 260, 190], accuracyPercent: [86, 95, 78, 81])
    var sentimentMatrix = matrix(
      labels: ["negative", "positive"], support: [480, 620], accuracyPercent: [88, 92])
    for index in 0..<37 { sentimentMatrix.record(truth: "mixed", predicted: index % 2) }
    let sentiment = TaskReport(
      name: "sentiment", file: "corpora/reviews/sentiment.test.tsv", confusion: sentimentMatrix,
      trainingLabelCounts: [4_100, 5_300])
    let category = task(
      name: "category", file: "/data/shop/very/long/path/to/the/product-category.test.csv",
      labels: categoryLabels,
      support: categoryLabels.indices.map { 12 + ($0 * 53) % 90 },
      accuracyPercent: categoryLabels.indices.map { $0 == 17 ? 0 : 45 + ($0 * 13) % 50 })
    return EvaluationReport(
      modelPath: "models/news-reviews-shop.mtl", tasks: [topic, sentiment, category],
      history: history(tasks: ["topic", "sentiment", "category"], epochs: 5))
  }

  /// One task where the model always answers the majority label: accuracy equals baseline.
  static func useless() -> EvaluationReport {
    var matrix = ConfusionMatrix(labels: ["ham", "spam"])
    for _ in 0..<70 { matrix.record(truth: "ham", predicted: 0) }
    for _ in 0..<30 { matrix.record(truth: "spam", predicted: 0) }
    return EvaluationReport(tasks: [
      TaskReport(name: "spam", file: "spam.test.txt", confusion: matrix)
    ])
  }

  static let categoryLabels = [
    "electronics", "books", "clothing & accessories > women's shoes > running",
    "home|garden", "toys", "電子產品與配件", "sports & outdoors", "beauty",
    "grocery 🍎 & gourmet food", "automotive parts and accessories for older vehicles",
    "health", "music", "movies <dvd>", "office", "pet supplies", "tools", "baby",
    "industrial & scientific equipment (never predicted)", "jewelry", "software",
  ]

  /// A task whose matrix has the given support and per-class accuracy.
  static func task(
    name: String, file: String, labels: [String], support: [Int], accuracyPercent: [Int]
  ) -> TaskReport {
    TaskReport(
      name: name, file: file,
      confusion: matrix(labels: labels, support: support, accuracyPercent: accuracyPercent))
  }

  /// Each class gets `accuracyPercent` of its support right; the errors spread over two
  /// neighbouring classes, deterministically, never onto class 17 of a 20-class task.
  static func matrix(labels: [String], support: [Int], accuracyPercent: [Int]) -> ConfusionMatrix {
    var matrix = ConfusionMatrix(labels: labels)
    let size = labels.count
    for truth in 0..<size {
      let correct = support[truth] * accuracyPercent[truth] / 100
      for _ in 0..<correct { matrix.record(truthIndex: truth, predicted: truth) }
      for error in 0..<(support[truth] - correct) {
        var predicted = (truth + 1 + (error % 3 == 0 ? 1 : 0)) % size
        if size == 20 && predicted == 17 { predicted = 18 }
        if predicted == truth { predicted = (truth + 1) % size }
        matrix.record(truthIndex: truth, predicted: predicted)
      }
    }
    return matrix
  }

  /// Falling losses and rising dev accuracies, one curve per task.
  static func history(tasks: [String], epochs: Int) -> TrainingHistory {
    let records = (1...epochs).map { epoch in
      let progress = Double(epoch) / Double(epochs)
      var loss: [String: Double] = [:]
      var dev: [String: Double] = [:]
      for (index, task) in tasks.enumerated() {
        let start = 0.9 + Double(index) * 0.8
        loss[task] = start * (0.35 + 0.65 * exp(-2.2 * progress))
        dev[task] =
          (0.55 + Double(index) * 0.05) + (0.3 - Double(index) * 0.08) * (1 - exp(-3 * progress))
      }
      return TrainingHistory.Epoch(epoch: epoch, loss: loss, devAccuracy: dev)
    }
    return TrainingHistory(epochs: records, keptEpoch: 4, seconds: 83.4)
  }
}
