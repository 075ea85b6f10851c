/// A tree head's answer for one document, as dev scoring needs it.
extension TreeSearch {
  /// The most probable label of task `task` for a document's features, and the probability of
  /// its true label (0 for an unknown one): the search's nodes and the truth's path, never
  /// every node.
  ///
  /// - Parameters:
  ///   - features: The document's feature rows.
  ///   - tree: The task's tree.
  ///   - task: The task.
  ///   - truth: The true label, or −1 when the model never saw it.
  ///   - parameters: The model's parameters.
  ///   - scratch: The forward pass's buffers.
  mutating func best<Parameters: ForwardParameters>(
    _ features: UnsafeBufferPointer<Int32>, tree: HuffmanTree, task: Int, truth: Int,
    parameters: Parameters, scratch: ForwardScratch
  ) -> (label: Int, truthProbability: Float) {
    ForwardPass.encode(features, with: parameters, into: scratch.shared)
    let input = ForwardPass.input(
      ofTask: task, features: features, shared: scratch.shared, with: parameters,
      scratch: scratch.taskInput)
    let score = { (node: Int) in parameters.scoreNode(node, ofTask: task, input: input) }
    var predicted = 0
    top(1, in: tree, score: score) { label, _ in predicted = label }
    let truthProbability = truth >= 0 ? tree.probability(of: truth, score: score) : 0
    return (predicted, truthProbability)
  }
}
