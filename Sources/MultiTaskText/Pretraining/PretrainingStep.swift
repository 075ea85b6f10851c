/// The hot loop of pretraining: one document's positions, with the scratch vectors it reuses,
/// so nothing is allocated per token.
struct PretrainingStep {
  let settings: PretrainingSettings
  /// The input rows: words, then buckets.
  let input: UnsafeMutablePointer<Float>
  /// The output rows, one per word.
  let output: UnsafeMutablePointer<Float>
  let subwords: PretrainingSubwords
  let sampling: PretrainingSampling
  /// The rate of this document's steps.
  var learningRate: Float = 0
  private var generator: SplitMix64
  /// The mean of the input rows of the position, `dimension` floats the caller owns.
  private let hidden: UnsafeMutablePointer<Float>
  /// The summed gradient of those rows, `dimension` floats the caller owns.
  private let gradient: UnsafeMutablePointer<Float>
  private var line: [Int32] = []
  private var bag: [Int32] = []

  /// The training stream of the random draws (subsampling, windows, negatives).
  static let stream: UInt64 = 0x5052_4554_0002

  init(
    settings: PretrainingSettings, input: UnsafeMutablePointer<Float>,
    output: UnsafeMutablePointer<Float>, subwords: PretrainingSubwords,
    sampling: PretrainingSampling, hidden: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
  ) {
    self.settings = settings
    self.input = input
    self.output = output
    self.subwords = subwords
    self.sampling = sampling
    generator = SplitMix64(seed: settings.seed, stream: Self.stream)
    self.hidden = hidden
    self.gradient = gradient
  }

  /// Trains on one document's words: subsamples them, then each position predicts its
  /// neighbours (skipgram) or is predicted from them (CBOW).
  mutating func train(_ document: ArraySlice<Int32>) {
    line.removeAll(keepingCapacity: true)
    for word in document where generator.nextUnitFloat() < sampling.keep[Int(word)] {
      line.append(word)
    }
    guard line.count > 1 else { return }
    for position in line.indices {
      let reach = 1 + Int(generator.next() % UInt64(settings.window))
      let neighbours = max(0, position - reach)...min(line.count - 1, position + reach)
      bag.removeAll(keepingCapacity: true)
      switch settings.model {
      case .skipgram:
        bag.append(contentsOf: subwords.rows[subwords.rows(of: line[position])])
        averageBag()
        for neighbour in neighbours where neighbour != position {
          trainTarget(line[neighbour])
        }
      case .cbow:
        for neighbour in neighbours where neighbour != position {
          bag.append(contentsOf: subwords.rows[subwords.rows(of: line[neighbour])])
        }
        averageBag()
        trainTarget(line[position])
      }
      let dimension = settings.dimension
      for row in bag {
        RowKernels.add(gradient, scale: 1, to: input + Int(row) * dimension, count: dimension)
      }
    }
  }

  /// Sets `hidden` to the mean of the bag's input rows and clears `gradient`.
  private mutating func averageBag() {
    let dimension = settings.dimension
    let (input, hidden) = (self.input, self.hidden)
    bag.withUnsafeBufferPointer { bag in
      RowKernels.averageRows(bag, of: input, columns: dimension, into: hidden)
    }
    gradient.update(repeating: 0, count: dimension)
  }

  /// One positive example for `target` and `negatives` negative ones, each a logistic loss on
  /// the output row's score; the output rows step at once, the input's gradient is summed.
  private mutating func trainTarget(_ target: Int32) {
    logistic(target, label: 1)
    let table = sampling.negatives
    guard subwords.starts.count > 2 else { return }
    for _ in 0..<settings.negatives {
      var negative = target
      while negative == target {
        negative = table[Int(generator.next() % UInt64(table.count))]
      }
      logistic(negative, label: 0)
    }
  }

  @inline(__always)
  private func logistic(_ word: Int32, label: Float) {
    let dimension = settings.dimension
    let row = output + Int(word) * dimension
    let score = Sigmoid.value(RowKernels.dot(row, hidden, count: dimension))
    let alpha = learningRate * (label - score)
    RowKernels.add(row, scale: alpha, to: gradient, count: dimension)
    RowKernels.add(hidden, scale: alpha, to: row, count: dimension)
  }
}
