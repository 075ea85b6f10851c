#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fits one softmax temperature per single-label task on dev data (Guo et al., 2017), so
/// that a probability of 0.8 means right four times in five.
///
/// Training by cross-entropy until dev accuracy stops improving leaves a linear model
/// over- or underconfident, more so with many epochs; dividing every score by one number `T`
/// changes no argmax, so accuracy is untouched, and the `T` that minimises the dev
/// log-loss is the best single correction. It is one parameter fitted on thousands of
/// documents, so it cannot overfit the way the model itself could.
enum TemperatureScaling {
  /// The temperatures searched: from sharpening 20-fold to flattening 20-fold.
  static let range: ClosedRange<Double> = 0.05...20

  /// The temperature minimising the mean negative log-likelihood of `truth` under
  /// `softmax(logits / T)`, by golden-section search on `log T` (the loss is smooth and
  /// unimodal in `log T`); 1 when there is nothing to fit.
  ///
  /// - Parameters:
  ///   - logits: Each document's scores, `labels` per document, document after document;
  ///     log-probabilities serve as well, since a softmax ignores a constant shift.
  ///   - truth: Each document's true label.
  ///   - labels: The number of labels.
  /// - Returns: The fitted temperature.
  static func fit(logits: [Float], truth: [Int], labels: Int) -> Float {
    guard !truth.isEmpty, labels > 1 else { return 1 }
    func loss(_ logTemperature: Double) -> Double {
      let inverse = exp(-logTemperature)
      var total = 0.0
      for (document, target) in truth.enumerated() {
        let base = document * labels
        var largest = -Double.infinity
        for label in 0..<labels { largest = max(largest, Double(logits[base + label]) * inverse) }
        var sum = 0.0
        for label in 0..<labels { sum += exp(Double(logits[base + label]) * inverse - largest) }
        total += largest + log(sum) - Double(logits[base + target]) * inverse
      }
      return total / Double(truth.count)
    }
    var low = log(range.lowerBound)
    var high = log(range.upperBound)
    let ratio = (5.0.squareRoot() - 1) / 2
    var left = high - ratio * (high - low)
    var right = low + ratio * (high - low)
    var leftLoss = loss(left)
    var rightLoss = loss(right)
    for _ in 0..<60 {
      if leftLoss <= rightLoss {
        high = right
        right = left
        rightLoss = leftLoss
        left = high - ratio * (high - low)
        leftLoss = loss(left)
      } else {
        low = left
        left = right
        leftLoss = rightLoss
        right = low + ratio * (high - low)
        rightLoss = loss(right)
      }
    }
    let fitted = exp((low + high) / 2)
    // A temperature that does not lower the loss is no correction.
    return loss((low + high) / 2) < loss(0) ? Float(fitted) : 1
  }
}

extension DevelopmentSet {
  /// Task `task`'s dev log-probabilities under `parameters`, and the true labels, for its
  /// documents whose label the model knows.
  func singleLabelLogits<Parameters: ForwardParameters>(
    ofTask task: Int, parameters: Parameters
  ) -> (logits: [Float], truth: [Int]) {
    let labelCount = parameters.labelCount(ofTask: task)
    let scratch = ForwardScratch(dimension: parameters.dimension, labels: labelCount)
    var logits: [Float] = []
    var truth: [Int] = []
    features.withUnsafeBufferPointer { features in
      for entry in 0..<documentCount where Int(tasks[entry]) == task && labels[entry] >= 0 {
        let range = offsets[entry]..<offsets[entry + 1]
        let probabilities = ForwardPass.probabilities(
          UnsafeBufferPointer(rebasing: features[range]), task: task, with: parameters,
          scratch: scratch)
        for value in probabilities { logits.append(logf(max(value, 1e-30))) }
        truth.append(Int(labels[entry]))
      }
    }
    return (logits, truth)
  }
}
