/// fastText's `-loss softmax`: one label per document, the softmax of every label's score.
typealias SoftmaxHead = EveryLabelHead<SingleTarget>

/// fastText's `-loss ova`: any number of labels per document, one sigmoid per label.
typealias OneVersusAllHead = EveryLabelHead<SortedTargets>

/// A head that scores every label and moves every label's row in training: ``SoftmaxHead``
/// (one target, cross-entropy of the softmax) and ``OneVersusAllHead`` (a sorted list of
/// targets, binary cross-entropy of one sigmoid per label).
///
/// The two differ only in their targets: the gradient with respect to every score is
/// `p − y` in both, so the targets' type says how scores become probabilities and which
/// labels are `y`, and the rest is written once, specialized for each.
struct EveryLabelHead<Targets: LabelTargets>: Head {
  var readsLabelLists: Bool { Targets.areLists }

  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    guard let base = probabilities.baseAddress else { return }
    parameters.scoreLabels(ofTask: task, input: input, into: base)
    Targets.normalize(&probabilities, ofTask: task, with: parameters)
  }

  /// Scores every label, then moves every label's row by ``SoftmaxCrossEntropy``'s step or
  /// adaptive step, with this head's targets as `y`.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    var probabilities = scratch.probabilities(count: parameters.labelCount(ofTask: task))
    self.probabilities(
      ofTask: task, input: update.input, with: parameters, scratch: scratch,
      into: &probabilities)
    let targets = Targets(column: targets)
    let scored = UnsafeBufferPointer(probabilities)
    let loss = targets.loss(probabilities: scored)
    if let squares = update.squares {
      SoftmaxCrossEntropy.adaptiveStep(
        probabilities: scored, targets: targets, weight: update.weight,
        learningRate: update.learningRate * update.headRate, head: update.rows,
        squares: squares, input: update.input, dimension: update.dimension,
        inputGradient: update.inputGradient)
    } else {
      SoftmaxCrossEntropy.step(
        probabilities: scored, targets: targets, rate: update.learningRate * update.weight,
        headRate: update.headRate, head: update.rows, input: update.input,
        dimension: update.dimension, inputGradient: update.inputGradient)
    }
    return loss
  }
}
