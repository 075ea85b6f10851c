/// The steps of heads that touch a few rows per document: hierarchical and sampled softmax.
extension SGDWorker {
  /// Updates task `task`'s head along `target`'s tree path, or on `target` and a few sampled
  /// negatives, leaving the input's gradient in `gradient` (zeroed by the caller). Returns the
  /// step's loss: `−log p(target)` for the tree, the binary logistic losses for sampling.
  mutating func sparseHeadStep(
    task: Int, target: Int, input: UnsafePointer<Float>, weight: Float, learningRate: Float,
    gradient: UnsafeMutablePointer<Float>
  ) -> Float {
    let parameters = parameters
    let dimension = parameters.dimension
    let head = parameters.heads[task]
    let headRate = parameters.headScales[task]
    if let tree = parameters.tree(ofTask: task) {
      guard let adaptive = parameters.adaptive else {
        return HierarchicalSoftmax.step(
          tree: tree, target: target, rate: learningRate * weight, headRate: headRate,
          head: head, input: input, dimension: dimension, inputGradient: gradient)
      }
      return HierarchicalSoftmax.adaptiveStep(
        tree: tree, target: target, weight: weight, learningRate: learningRate * headRate,
        head: head, squares: adaptive.heads[task], input: input, dimension: dimension,
        inputGradient: gradient)
    }
    guard !parameters.samplers.isEmpty, let sampler = parameters.samplers[task] else { return 0 }
    let labels = parameters.labelCounts[task]
    let draws = labels > 1 ? HeadLoss.sampledNegatives : 0
    var loss: Float = 0
    guard let adaptive = parameters.adaptive else {
      let rate = learningRate * weight
      loss += SampledSoftmax.update(
        label: target, target: 1, rate: rate, headRate: headRate, head: head, input: input,
        dimension: dimension, inputGradient: gradient)
      for _ in 0..<draws {
        loss += SampledSoftmax.update(
          label: sampler.draw(excluding: target, using: &negatives), target: 0, rate: rate,
          headRate: headRate, head: head, input: input, dimension: dimension,
          inputGradient: gradient)
      }
      return loss
    }
    let inputMeanSquare = RowKernels.dot(input, input, count: dimension) / Float(dimension)
    let squares = adaptive.heads[task]
    let rate = learningRate * headRate
    loss += SampledSoftmax.adaptiveUpdate(
      label: target, target: 1, weight: weight, learningRate: rate, head: head,
      squares: squares, input: input, inputMeanSquare: inputMeanSquare, dimension: dimension,
      inputGradient: gradient)
    for _ in 0..<draws {
      loss += SampledSoftmax.adaptiveUpdate(
        label: sampler.draw(excluding: target, using: &negatives), target: 0, weight: weight,
        learningRate: rate, head: head, squares: squares, input: input,
        inputMeanSquare: inputMeanSquare, dimension: dimension, inputGradient: gradient)
    }
    return loss
  }
}
