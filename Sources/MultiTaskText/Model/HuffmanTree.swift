/// The binary tree of a hierarchical-softmax head: a Huffman code over a task's labels, built
/// from their training counts so that frequent labels sit near the root.
///
/// A label's probability is the product, along its path from the root, of one sigmoid per
/// internal node: `σ(row · input)` for going right, `1 − σ(row · input)` for going left.
/// Training a document then touches only its label's path, about `log₂ labels` rows for
/// balanced counts and fewer for frequent labels, instead of every label's row.
///
/// The tree is never stored. Labels are ordered by count (then by id, so ties are broken the
/// same way every time) and merged with the classic two-queue construction, which is
/// deterministic; the manifest keeps the counts, so prediction rebuilds exactly the tree that
/// training used. The `labels − 1` internal nodes are numbered in the order they were made,
/// and internal node `n` owns row `n` of the head matrix, whose shape stays `labels ×
/// dimension` (the last row is unused): the model file's layout does not change.
struct HuffmanTree: Sendable, Equatable {
  /// The number of labels, the tree's leaves.
  let leafCount: Int
  /// Internal node `n`'s children: nodes below `leafCount` are labels, the others are internal
  /// node `child − leafCount`.
  let left: [Int32]
  let right: [Int32]
  /// Label `l`'s path is `pathNodes[pathStarts[l]..<pathStarts[l + 1]]`, from its parent up to
  /// the root, with `pathRight` telling whether the path goes right at each node.
  let pathStarts: [Int]
  let pathNodes: [Int32]
  let pathRight: [Bool]

  /// The root's internal node number; meaningless with fewer than two labels.
  var root: Int { leafCount - 2 }

  /// The number of internal nodes, each with a head row.
  var internalCount: Int { max(0, leafCount - 1) }

  /// Builds the tree of labels with these training counts.
  ///
  /// - Parameter counts: Documents per label, in label order; zero counts are allowed.
  init(counts: [Int]) {
    let leaves = counts.count
    leafCount = leaves
    // The leaf queue: least frequent first, ties by higher id first so that label 0 of a
    // uniform set ends nearest the root, like fastText's order of labels by frequency.
    let order = counts.indices.sorted {
      counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 > $1
    }
    var weight = [Int](repeating: 0, count: max(0, 2 * leaves - 1))
    for label in counts.indices { weight[label] = counts[label] }
    var parent = [Int](repeating: -1, count: weight.count)
    var isRight = [Bool](repeating: false, count: weight.count)
    var left = [Int32](repeating: 0, count: max(0, leaves - 1))
    var right = left
    var nextLeaf = 0
    var nextInternal = leaves
    // Takes the lighter of the two queues' fronts; a leaf wins a tie.
    func takeLightest(made: Int) -> Int {
      if nextLeaf < leaves
        && (nextInternal >= made || weight[order[nextLeaf]] <= weight[nextInternal])
      {
        nextLeaf += 1
        return order[nextLeaf - 1]
      }
      nextInternal += 1
      return nextInternal - 1
    }
    for made in 0..<max(0, leaves - 1) {
      let node = leaves + made
      let first = takeLightest(made: node)
      let second = takeLightest(made: node)
      weight[node] = weight[first] + weight[second]
      parent[first] = node
      parent[second] = node
      isRight[second] = true
      left[made] = Int32(first)
      right[made] = Int32(second)
    }
    self.left = left
    self.right = right
    var starts = [0]
    var nodes: [Int32] = []
    var directions: [Bool] = []
    starts.reserveCapacity(leaves + 1)
    for label in 0..<leaves {
      var node = label
      while parent[node] >= 0 {
        nodes.append(Int32(parent[node] - leaves))
        directions.append(isRight[node])
        node = parent[node]
      }
      starts.append(nodes.count)
    }
    pathStarts = starts
    pathNodes = nodes
    pathRight = directions
  }

  /// The depth of label `label`: the number of sigmoids its probability multiplies.
  func depth(of label: Int) -> Int { pathStarts[label + 1] - pathStarts[label] }
}
