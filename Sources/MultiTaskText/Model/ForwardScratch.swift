/// The buffers one forward pass writes: the shared document vector, a task's input and its
/// label probabilities, allocated once and reused for every document.
///
/// One per thread. A class so that the buffers are freed with their owner, and so that the
/// pointers handed to the kernels stay valid for the owner's lifetime.
final class ForwardScratch {
  /// The shared document vector, `dimension` floats.
  let shared: UnsafeMutablePointer<Float>
  /// A task's input with its private rows added, `dimension` floats.
  let taskInput: UnsafeMutablePointer<Float>
  /// A hierarchical head's node scores and node path probabilities, `labels` floats each.
  let nodeScores: UnsafeMutablePointer<Float>
  let nodeProbabilities: UnsafeMutablePointer<Float>
  private let scores: UnsafeMutablePointer<Float>
  private let scoreCapacity: Int

  /// Allocates buffers for a model of width `dimension` whose largest head has `labels` rows.
  init(dimension: Int, labels: Int) {
    let dimension = max(1, dimension)
    scoreCapacity = max(1, labels)
    shared = .allocate(capacity: dimension)
    shared.initialize(repeating: 0, count: dimension)
    taskInput = .allocate(capacity: dimension)
    taskInput.initialize(repeating: 0, count: dimension)
    scores = .allocate(capacity: scoreCapacity)
    scores.initialize(repeating: 0, count: scoreCapacity)
    nodeScores = .allocate(capacity: scoreCapacity)
    nodeScores.initialize(repeating: 0, count: scoreCapacity)
    nodeProbabilities = .allocate(capacity: scoreCapacity)
    nodeProbabilities.initialize(repeating: 0, count: scoreCapacity)
  }

  deinit {
    shared.deallocate()
    taskInput.deallocate()
    scores.deallocate()
    nodeScores.deallocate()
    nodeProbabilities.deallocate()
  }

  /// The first `count` floats of the score buffer.
  func probabilities(count: Int) -> UnsafeMutableBufferPointer<Float> {
    precondition(count <= scoreCapacity, "a head larger than the scratch was sized for")
    return UnsafeMutableBufferPointer(start: scores, count: count)
  }
}
