/// A single-label head over a Huffman tree of the labels (fastText's `-loss hs`): its rows
/// are the tree's internal nodes, a step touches only the true label's path, and prediction
/// multiplies the sigmoids along each label's path into exact probabilities.
struct HierarchicalHead: Head {
  /// The task's tree, rebuilt from the label counts in the manifest.
  let tree: HuffmanTree

  var readsLabelLists: Bool { false }

  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    guard probabilities.baseAddress != nil else { return }
    parameters.scoreLabels(ofTask: task, input: input, into: scratch.nodeScores)
    tree.probabilities(
      scores: scratch.nodeScores, nodeProbabilities: scratch.nodeProbabilities,
      into: probabilities)
  }

  /// Moves the rows of the target's path by ``HierarchicalSoftmax``'s step; scores nothing
  /// else.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    HierarchicalSoftmax.step(tree: tree, target: Int(targets[0]), update: update)
  }
}
