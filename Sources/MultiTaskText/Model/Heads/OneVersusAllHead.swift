/// A multi-label head: one independent sigmoid per label, trained with binary cross-entropy
/// against the document's list of labels (fastText's `-loss ova`), so that any number of
/// labels may apply.
struct OneVersusAllHead: Head {
  var readsLabelLists: Bool { true }

  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    guard let base = probabilities.baseAddress else { return }
    parameters.scoreLabels(ofTask: task, input: input, into: base)
    Sigmoid.apply(&probabilities)
  }

  /// Scores every label, then moves every label's row by ``SigmoidCrossEntropy``'s step.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    var probabilities = scratch.probabilities(count: parameters.labelCount(ofTask: task))
    self.probabilities(
      ofTask: task, input: update.input, with: parameters, scratch: scratch,
      into: &probabilities)
    let scored = UnsafeBufferPointer(probabilities)
    let loss = SigmoidCrossEntropy.loss(probabilities: scored, targets: targets)
    if let squares = update.squares {
      SigmoidCrossEntropy.adaptiveStep(
        probabilities: scored, targets: targets, weight: update.weight,
        learningRate: update.learningRate * update.headRate, head: update.rows,
        squares: squares, input: update.input, dimension: update.dimension,
        inputGradient: update.inputGradient)
    } else {
      SigmoidCrossEntropy.step(
        probabilities: scored, targets: targets, rate: update.learningRate * update.weight,
        headRate: update.headRate, head: update.rows, input: update.input,
        dimension: update.dimension, inputGradient: update.inputGradient)
    }
    return loss
  }
}
