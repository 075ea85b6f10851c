#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loss of one task head and its backward step: the cross-entropy of the target label
/// under the head's softmax, and the update that SGD makes to the head and to its input.
///
/// The gradient of the loss with respect to score `i` is `p[i] − (i == target ? 1 : 0)`, so
/// with step size `rate`, label row `i` moves by `rate × (onehot[i] − p[i]) × input` and the
/// input's gradient collects the same coefficients times the old rows. This is the code the
/// trainer runs for every labelled task of every document, and the finite-difference tests
/// check it directly. A task whose label is missing for a document never gets here: it
/// contributes nothing rather than pushing every label down.
enum SoftmaxCrossEntropy {
  /// The smallest probability the loss takes the logarithm of, so a certain mistake costs
  /// about 87 instead of infinity.
  static let smallestProbability = Float.leastNormalMagnitude

  /// Returns `−log p[target]`, the cross-entropy of the target under the probabilities.
  @inline(__always)
  static func loss(probabilities: UnsafeBufferPointer<Float>, target: Int) -> Float {
    precondition(
      target >= 0 && target < probabilities.count,
      "label \(target) is outside the head's \(probabilities.count) scores")
    return -logf(max(probabilities[target], smallestProbability))
  }

  /// One SGD step on a head, given the softmax `probabilities` of its scores for `input`.
  ///
  /// For each label, in order, the coefficient `rate × (onehot − p)` first adds the label's
  /// old row to `inputGradient` (which the caller zeroes), then moves the row by
  /// `coefficient × headRate × input`. `inputGradient` ends as `−rate × ∂loss/∂input`, the
  /// step the caller passes on to the rows the input came from.
  ///
  /// - Parameters:
  ///   - probabilities: The head's softmax output, one per label.
  ///   - targets: The correct label, or for a multi-label head the sorted labels.
  ///   - rate: The learning rate times the example's weight.
  ///   - headRate: The head's own learning-rate multiplier.
  ///   - head: The head's rows, `probabilities.count × dimension` floats, updated in place.
  ///   - input: The head's input, `dimension` floats.
  ///   - inputGradient: `dimension` floats, accumulated into.
  @inline(__always)
  static func step<Targets: LabelTargets>(
    probabilities: UnsafeBufferPointer<Float>, targets: Targets, rate: Float, headRate: Float,
    head: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, dimension: Int,
    inputGradient: UnsafeMutablePointer<Float>
  ) {
    var targets = targets
    for label in probabilities.indices {
      let coefficient = rate * ((targets.includes(label) ? 1 : 0) - probabilities[label])
      let row = head + label * dimension
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      RowKernels.add(input, scale: coefficient * headRate, to: row, count: dimension)
    }
  }

  /// The same step with AdaGrad's per-row rates: label row `i`'s gradient,
  /// `c_i × input` with `c_i = weight × (onehot − p)`, adds its mean square to `squares[i]`,
  /// and the row moves by `learningRate × c_i × input / √squares[i]`.
  ///
  /// `inputGradient` collects `Σ c_i × old row i`, the negative gradient with respect to the
  /// input without any rate, so the caller can scale each input row by its own accumulator.
  ///
  /// - Parameters:
  ///   - probabilities: The head's softmax output, one per label.
  ///   - targets: The correct label, or for a multi-label head the sorted labels.
  ///   - weight: The example's weight (task, class and strategy factors).
  ///   - learningRate: The current learning rate times the head's own multiplier.
  ///   - head: The head's rows, updated in place.
  ///   - squares: One accumulator per label row, updated in place.
  ///   - input: The head's input, `dimension` floats.
  ///   - dimension: The row width.
  ///   - inputGradient: `dimension` floats, accumulated into.
  @inline(__always)
  static func adaptiveStep<Targets: LabelTargets>(
    probabilities: UnsafeBufferPointer<Float>, targets: Targets, weight: Float, learningRate: Float,
    head: UnsafeMutablePointer<Float>, squares: UnsafeMutablePointer<Float>,
    input: UnsafePointer<Float>, dimension: Int, inputGradient: UnsafeMutablePointer<Float>
  ) {
    let inputMeanSquare = RowKernels.dot(input, input, count: dimension) / Float(dimension)
    var targets = targets
    for label in probabilities.indices {
      let coefficient = weight * ((targets.includes(label) ? 1 : 0) - probabilities[label])
      let row = head + label * dimension
      RowKernels.add(row, scale: coefficient, to: inputGradient, count: dimension)
      squares[label] += coefficient * coefficient * inputMeanSquare
      let rate = learningRate / squares[label].squareRoot()
      RowKernels.add(input, scale: rate * coefficient, to: row, count: dimension)
    }
  }
}
