/// A single-label head that scores every label and takes their softmax: cross-entropy in
/// training, a full distribution at prediction (fastText's `-loss softmax`).
///
/// A trained model's softmax divides the scores by the task's calibrated temperature first;
/// during training the temperature is 1.
struct SoftmaxHead: Head {
  var readsLabelLists: Bool { false }

  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    guard let base = probabilities.baseAddress else { return }
    parameters.scoreLabels(ofTask: task, input: input, into: base)
    let temperature = parameters.temperature(ofTask: task)
    if temperature != 1 {
      let inverse = 1 / temperature
      for index in probabilities.indices { probabilities[index] *= inverse }
    }
    Softmax.apply(&probabilities)
  }

  /// Scores every label, then moves every label's row by ``SoftmaxCrossEntropy``'s step.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    var probabilities = scratch.probabilities(count: parameters.labelCount(ofTask: task))
    self.probabilities(
      ofTask: task, input: update.input, with: parameters, scratch: scratch,
      into: &probabilities)
    let target = Int(targets[0])
    let scored = UnsafeBufferPointer(probabilities)
    let loss = SoftmaxCrossEntropy.loss(probabilities: scored, target: target)
    if let squares = update.squares {
      SoftmaxCrossEntropy.adaptiveStep(
        probabilities: scored, target: target, weight: update.weight,
        learningRate: update.learningRate * update.headRate, head: update.rows,
        squares: squares, input: update.input, dimension: update.dimension,
        inputGradient: update.inputGradient)
    } else {
      SoftmaxCrossEntropy.step(
        probabilities: scored, target: target, rate: update.learningRate * update.weight,
        headRate: update.headRate, head: update.rows, input: update.input,
        dimension: update.dimension, inputGradient: update.inputGradient)
    }
    return loss
  }
}
