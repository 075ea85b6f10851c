#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The backward step of a sampled-softmax head (fastText's negative sampling, `-loss ns`): a
/// binary logistic loss that pushes the true label's score up and the scores of a few
/// negatives, drawn by a ``NegativeSampler``, down.
///
/// Each step touches `1 + negatives` rows instead of every label's; the model still predicts
/// with the softmax of every label's score, so its probabilities are a full distribution.
/// Label row `i` moves by `rate × (target_i − σ(row_i · input)) × input`, and the input's
/// gradient collects the same coefficients times the old rows. ``HierarchicalSoftmax`` runs
/// the same step on the nodes of a label's path, with the path's turns as targets.
enum SampledSoftmax {
  /// Steps `count` rows in turn, row `index` being `row(index)`'s label with its target (1
  /// or 0); returns the sum of their binary logistic losses.
  ///
  /// With AdaGrad the mean square of the input, which no step changes, is taken once first.
  @inline(__always)
  static func steps(
    count: Int, update: HeadUpdate, row: (Int) -> (label: Int, target: Float)
  ) -> Float {
    let dimension = update.dimension
    let inputMeanSquare =
      update.squares == nil
      ? 0 : RowKernels.dot(update.input, update.input, count: dimension) / Float(dimension)
    var loss: Float = 0
    for index in 0..<count {
      let (label, target) = row(index)
      loss += step(label: label, target: target, update: update, inputMeanSquare: inputMeanSquare)
    }
    return loss
  }

  /// The loss and update of one row, whose target is 1 for the true label and 0 for a
  /// negative; returns the binary logistic loss.
  ///
  /// With plain SGD the coefficient is `c = learningRate × weight × (target − σ)` and the row
  /// moves by `c × headRate × input`. With AdaGrad `c = weight × (target − σ)` adds
  /// `c² × inputMeanSquare` to `squares[label]` and the row moves by
  /// `learningRate × headRate × c × input / √squares[label]`.
  @inline(__always)
  static func step(
    label: Int, target: Float, update: HeadUpdate, inputMeanSquare: Float
  ) -> Float {
    let (input, dimension) = (update.input, update.dimension)
    let row = update.rows + label * dimension
    let probability = Sigmoid.value(RowKernels.dot(row, input, count: dimension))
    if let squares = update.squares {
      let coefficient = update.weight * (target - probability)
      RowKernels.add(row, scale: coefficient, to: update.inputGradient, count: dimension)
      squares[label] += coefficient * coefficient * inputMeanSquare
      let rate = update.learningRate * update.headRate / squares[label].squareRoot()
      RowKernels.add(input, scale: rate * coefficient, to: row, count: dimension)
    } else {
      let coefficient = update.learningRate * update.weight * (target - probability)
      RowKernels.add(row, scale: coefficient, to: update.inputGradient, count: dimension)
      RowKernels.add(input, scale: coefficient * update.headRate, to: row, count: dimension)
    }
    return -logf(max(target == 1 ? probability : 1 - probability, 1e-30))
  }
}
