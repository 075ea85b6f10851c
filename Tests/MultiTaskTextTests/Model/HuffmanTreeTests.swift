import Testing

@testable import MultiTaskText

/// The Huffman tree of a hierarchical head: a proper code, frequent labels near the root,
/// exact probabilities, and a search that finds the same top labels as a full scan.
@Suite struct HuffmanTreeTests {
  static func randomScores(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in (generator.nextUnitFloat() * 2 - 1) * 4 }
  }

  @Test func everyLabelHasAPathToTheOneRoot() {
    let counts = [50, 1, 7, 7, 300, 0, 2, 2, 9]
    let tree = HuffmanTree(counts: counts)
    #expect(tree.internalCount == counts.count - 1)
    for label in counts.indices {
      let last = tree.pathStarts[label + 1] - 1
      #expect(Int(tree.pathNodes[last]) == tree.root)
      #expect(tree.depth(of: label) >= 1)
    }
    // Each internal node is some child exactly once, except the root.
    let children = (tree.left + tree.right).map(Int.init).sorted()
    #expect(children == Array(0..<(2 * counts.count - 1)).filter { $0 != counts.count + tree.root })
  }

  @Test func frequentLabelsAreNoDeeperThanRareOnes() {
    let counts = (1...200).map { 10_000 / $0 }
    let tree = HuffmanTree(counts: counts)
    for label in 1..<counts.count {
      #expect(tree.depth(of: label - 1) <= tree.depth(of: label))
    }
    // Equal counts give a balanced tree.
    let balanced = HuffmanTree(counts: Array(repeating: 3, count: 64))
    #expect((0..<64).allSatisfy { balanced.depth(of: $0) == 6 })
  }

  @Test func theSameCountsAlwaysBuildTheSameTree() {
    let counts = [4, 4, 4, 1, 1, 9, 0, 0, 4]
    #expect(HuffmanTree(counts: counts) == HuffmanTree(counts: counts))
  }

  @Test func probabilitiesAreAProperDistributionAndMatchEachPath() {
    let counts = (1...37).map { 100 / $0 }
    let tree = HuffmanTree(counts: counts)
    let scores = Self.randomScores(counts.count, seed: 5)
    var nodes = [Float](repeating: 0, count: counts.count)
    var probabilities = [Float](repeating: 0, count: counts.count)
    scores.withUnsafeBufferPointer { scores in
      nodes.withUnsafeMutableBufferPointer { nodes in
        probabilities.withUnsafeMutableBufferPointer { output in
          tree.probabilities(
            scores: scores.baseAddress!, nodeProbabilities: nodes.baseAddress!, into: output)
        }
      }
    }
    #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
    for label in counts.indices {
      let alone = tree.probability(of: label) { scores[$0] }
      #expect(abs(alone - probabilities[label]) < 1e-6)
    }
  }

  @Test(arguments: [1, 3, 10])
  func searchFindsTheTopLabelsOfAFullScan(k: Int) {
    let counts = (1...300).map { 3_000 / $0 }
    let tree = HuffmanTree(counts: counts)
    var search = TreeSearch()
    for seed in UInt64(1)...20 {
      let scores = Self.randomScores(counts.count, seed: seed)
      let full = counts.indices.map { label in tree.probability(of: label) { scores[$0] } }
      let expected = full.indices.sorted { full[$0] != full[$1] ? full[$0] > full[$1] : $0 < $1 }
      var scored = 0
      var found: [(Int, Float)] = []
      search.top(
        k, in: tree,
        score: { node in
          scored += 1
          return scores[node]
        }
      ) { found.append(($0, $1)) }
      #expect(found.map(\.0) == Array(expected.prefix(k)), "seed \(seed)")
      for (label, probability) in found { #expect(abs(probability - full[label]) < 1e-5) }
      #expect(scored < tree.internalCount, "the search scored every node")
    }
  }

  @Test func oneLabelIsCertainAndNeedsNoNode() {
    let tree = HuffmanTree(counts: [5])
    #expect(tree.internalCount == 0 && tree.depth(of: 0) == 0)
    var search = TreeSearch()
    var found: [(Int, Float)] = []
    search.top(3, in: tree, score: { _ in 0 }) { found.append(($0, $1)) }
    #expect(found.count == 1 && found[0].0 == 0 && found[0].1 == 1)
  }
}
