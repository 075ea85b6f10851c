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
    return SampledSoftmax.steps(count: 1 + draws, update: update) { index in
      index == 0
        ? (label: target, target: 1)
        : (label: sampler.draw(excluding: target, using: &generator), target: 0)
    }
  }
}
