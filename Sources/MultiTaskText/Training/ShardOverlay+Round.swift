/// What every shard of a reproducible epoch reads, as raw views held for the epoch: the
/// epoch's document order, the set's features, offsets, labels and label lists.
struct ShardInputs: @unchecked Sendable {
  let order: UnsafeBufferPointer<Int32>
  let features: UnsafeBufferPointer<Int32>
  let offsets: UnsafeBufferPointer<Int>
  let labels: UnsafeBufferPointer<Int32>
  let lists: LabelListView
}

extension ShardOverlay {
  /// Gets the shard ready for a round over positions `positions` of the epoch's order:
  /// renames the features of rows other shards use to overlay rows, and copies those rows,
  /// the private rows it uses, the heads and the loss weighting's state from `shared`, which
  /// no shard writes at those places during the round.
  ///
  /// - Parameters:
  ///   - shard: The shard's number.
  ///   - positions: The shard's positions in the epoch's order.
  ///   - inputs: The epoch's order and documents.
  ///   - ownership: Which rows the shard alone uses in the round.
  ///   - index: The preparing thread's map, all −1 on entry.
  ///   - shared: The parameters as the round found them.
  func prepare(
    shard: Int, positions: Range<Int>, inputs: ShardInputs, ownership: RowOwnership,
    index: ShardRowIndex, shared: SharedParameters
  ) {
    offsets.removeAll()
    packedRows.removeAll()
    offsets.append(0)
    let map = index.embeddingRows
    let marks = ownership.marks
    let own = ownership.mark(ofShard: shard)
    var total = 0
    for position in positions {
      let document = Int(inputs.order[position])
      total += inputs.offsets[document + 1] - inputs.offsets[document]
    }
    features.resize(to: total)
    let renamed = features.pointer
    var count = 0
    for position in positions {
      let document = Int(inputs.order[position])
      for slot in inputs.offsets[document]..<inputs.offsets[document + 1] {
        let id = inputs.features[slot]
        if marks[Int(id)] == own {
          renamed[count] = id
        } else {
          var local = map[Int(id)]
          if local < 0 {
            local = Int32(packedRows.count)
            map[Int(id)] = local
            packedRows.append(id)
          }
          renamed[count] = ~local
        }
        count += 1
      }
      offsets.append(count)
    }
    copySharedRows(from: shared)
    if shared.hasPrivateTables {
      copyPrivateRows(positions: positions, inputs: inputs, index: index, from: shared)
    }
    for task in labelCounts.indices {
      let count = labelCounts[task] * dimension
      heads[task].resize(to: count)
      heads[task].pointer.update(from: shared.heads[task], count: count)
      if let adaptive = shared.adaptive {
        headSquares[task].resize(to: labelCounts[task])
        headSquares[task].pointer.update(from: adaptive.heads[task], count: labelCounts[task])
      }
    }
    if let variances = shared.logVariances {
      logVariances.resize(to: labelCounts.count)
      logVariances.pointer.update(from: variances, count: labelCounts.count)
    }
  }

  private func copySharedRows(from shared: SharedParameters) {
    rows.resize(to: packedRows.count * dimension)
    for local in 0..<packedRows.count {
      (rows.pointer + local * dimension).update(
        from: shared.embeddings + Int(packedRows[local]) * dimension, count: dimension)
    }
    guard let adaptive = shared.adaptive else { return }
    squares.resize(to: packedRows.count)
    for local in 0..<packedRows.count {
      squares[local] = adaptive.embeddings[Int(packedRows[local])]
    }
  }

  /// Copies every private row the shard's documents use: private rows are few and hashed, so
  /// shards share them too often to be worth telling apart.
  private func copyPrivateRows(
    positions: Range<Int>, inputs: ShardInputs, index: ShardRowIndex, from shared: SharedParameters
  ) {
    privateRowNumbers.removeAll()
    let map = index.privateRows
    for position in positions {
      let document = Int(inputs.order[position])
      for slot in inputs.offsets[document]..<inputs.offsets[document + 1] {
        let row = PrivateRows.row(of: inputs.features[slot], buckets: shared.privateBuckets)
        if map[row] < 0 {
          map[row] = Int32(privateRowNumbers.count)
          privateRowNumbers.append(Int32(row))
        }
      }
    }
    let count = privateRowNumbers.count
    for task in labelCounts.indices {
      privateRows[task].resize(to: count * dimension)
      for local in 0..<count {
        (privateRows[task].pointer + local * dimension).update(
          from: shared.privateTables[task] + Int(privateRowNumbers[local]) * dimension,
          count: dimension)
      }
      guard let adaptive = shared.adaptive else { continue }
      privateSquares[task].resize(to: count)
      for local in 0..<count {
        privateSquares[task][local] = adaptive.privateRows[task][Int(privateRowNumbers[local])]
      }
    }
  }

  /// Ends the shard's round: every kept-apart value becomes its change since the round
  /// started (`shared` still holds the start there), and the thread's map is cleared.
  func finishRound(shared: SharedParameters, index: ShardRowIndex) {
    for local in 0..<packedRows.count {
      let row = Int(packedRows[local])
      RowKernels.add(
        shared.embeddings + row * dimension, scale: -1, to: rows.pointer + local * dimension,
        count: dimension)
      if let adaptive = shared.adaptive { squares[local] -= adaptive.embeddings[row] }
      index.embeddingRows[row] = -1
    }
    for local in 0..<privateRowNumbers.count where shared.hasPrivateTables {
      let row = Int(privateRowNumbers[local])
      for task in labelCounts.indices {
        RowKernels.add(
          shared.privateTables[task] + row * dimension, scale: -1,
          to: privateRows[task].pointer + local * dimension, count: dimension)
        if let adaptive = shared.adaptive {
          privateSquares[task][local] -= adaptive.privateRows[task][row]
        }
      }
      index.privateRows[row] = -1
    }
    for task in labelCounts.indices {
      RowKernels.add(
        shared.heads[task], scale: -1, to: heads[task].pointer,
        count: labelCounts[task] * dimension)
      if let adaptive = shared.adaptive {
        RowKernels.add(
          adaptive.heads[task], scale: -1, to: headSquares[task].pointer,
          count: labelCounts[task])
      }
    }
    if let variances = shared.logVariances {
      RowKernels.add(variances, scale: -1, to: logVariances.pointer, count: labelCounts.count)
    }
  }
}
