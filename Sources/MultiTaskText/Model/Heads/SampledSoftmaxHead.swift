/// A single-label head trained by negative sampling (fastText's `-loss ns`): a step pushes
/// the true label's score up and a few sampled labels' scores down, touching `1 + negatives`
/// rows; prediction takes the softmax of every label's score, as ``SoftmaxHead`` does.
struct SampledSoftmaxHead: Head {
  /// Draws the negatives, in proportion to the square root of the labels' training counts.
  let sampler: NegativeSampler
  /// The negatives drawn per document when the task has more than one label.
  let negatives: Int

  var readsLabelLists: Bool { false }

  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    SoftmaxHead().probabilities(
      ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
  }

  /// Updates the target's row towards 1 and each drawn negative's towards 0 by
  /// ``SampledSoftmax``'s step; returns the sum of their logistic losses.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    let target = Int(targets[0])
    let draws = parameters.labelCount(ofTask: task) > 1 ? negatives : 0
    let (head, input, dimension) = (update.rows, update.input, update.dimension)
    let gradient = update.inputGradient
    var loss: Float = 0
    guard let squares = update.squares else {
      let rate = update.learningRate * update.weight
      loss += SampledSoftmax.update(
        label: target, target: 1, rate: rate, headRate: update.headRate, head: head,
        input: input, dimension: dimension, inputGradient: gradient)
      for _ in 0..<draws {
        loss += SampledSoftmax.update(
          label: sampler.draw(excluding: target, using: &generator), target: 0, rate: rate,
          headRate: update.headRate, head: head, input: input, dimension: dimension,
          inputGradient: gradient)
      }
      return loss
    }
    let inputMeanSquare = RowKernels.dot(input, input, count: dimension) / Float(dimension)
    let rate = update.learningRate * update.headRate
    loss += SampledSoftmax.adaptiveUpdate(
      label: target, target: 1, weight: update.weight, learningRate: rate, head: head,
      squares: squares, input: input, inputMeanSquare: inputMeanSquare, dimension: dimension,
      inputGradient: gradient)
    for _ in 0..<draws {
      loss += SampledSoftmax.adaptiveUpdate(
        label: sampler.draw(excluding: target, using: &generator), target: 0,
        weight: update.weight, learningRate: rate, head: head, squares: squares, input: input,
        inputMeanSquare: inputMeanSquare, dimension: dimension, inputGradient: gradient)
    }
    return loss
  }
}
