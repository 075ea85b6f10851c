#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The most probable labels of a hierarchical-softmax head, found by searching its tree rather
/// than scoring every node.
///
/// A node's path probability never exceeds its parent's, so a best-first search that always
/// expands the most probable open node reaches the labels in order of probability: the first
/// `k` labels it pops are exactly the top `k`, and every node less probable than the `k`-th
/// label is never scored. A confident document scores about `depth` nodes instead of
/// `labels − 1`. Ties are broken by node number, so the answer is deterministic.
///
/// The search keeps its heap between calls, so a caller that keeps one per thread allocates
/// nothing per document.
struct TreeSearch {
  /// The open nodes as (log probability, node), a binary max-heap; nodes below the tree's
  /// leaf count are labels, the others internal node `node − leafCount`.
  private var heap: [(logProbability: Float, node: Int32)] = []

  init() {}

  /// Calls `found` with the `k` most probable labels, most probable first, and their
  /// probabilities.
  ///
  /// - Parameters:
  ///   - k: How many labels; at most the tree's labels are found.
  ///   - tree: The head's tree.
  ///   - score: Internal node `n`'s score for the document.
  ///   - found: Receives each label and its probability in turn.
  mutating func top(
    _ k: Int, in tree: HuffmanTree, score: (Int) -> Float, found: (Int, Float) -> Void
  ) {
    heap.removeAll(keepingCapacity: true)
    guard k > 0, tree.leafCount > 0 else { return }
    guard tree.leafCount > 1 else {
      found(0, 1)
      return
    }
    let leaves = tree.leafCount
    push(0, Int32(leaves + tree.root))
    var remaining = k
    while remaining > 0, let (logProbability, node) = pop() {
      let index = Int(node)
      if index < leaves {
        found(index, expf(logProbability))
        remaining -= 1
        continue
      }
      let inner = index - leaves
      let value = score(inner)
      // log σ(s) and log σ(−s), written to stay finite for large |s|.
      let logRight = -softplus(-value)
      let logLeft = -softplus(value)
      push(logProbability + logLeft, tree.left[inner])
      push(logProbability + logRight, tree.right[inner])
    }
  }

  /// `log(1 + eˣ)` without overflow.
  @inline(__always)
  private func softplus(_ x: Float) -> Float {
    x > 0 ? x + log1pf(expf(-x)) : log1pf(expf(x))
  }

  /// Whether entry `a` comes before entry `b`: more probable, or the lower node on a tie.
  @inline(__always)
  private func precedes(
    _ a: (logProbability: Float, node: Int32), _ b: (logProbability: Float, node: Int32)
  ) -> Bool {
    a.logProbability != b.logProbability ? a.logProbability > b.logProbability : a.node < b.node
  }

  private mutating func push(_ logProbability: Float, _ node: Int32) {
    heap.append((logProbability, node))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(heap[child], heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func pop() -> (Float, Int32)? {
    guard let first = heap.first else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < heap.count else { break }
        var best = left
        if left + 1 < heap.count && precedes(heap[left + 1], heap[left]) { best = left + 1 }
        guard precedes(heap[best], heap[parent]) else { break }
        heap.swapAt(best, parent)
        parent = best
      }
    }
    return (first.logProbability, first.node)
  }
}
