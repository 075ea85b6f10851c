/// A model's shared embeddings in quantized form: what a small model file stores in place of
/// float rows, and what it is decoded from when it loads.
///
/// Only the rows that survived pruning are kept, in increasing row order; every other row is
/// zero, exactly like an untrained row of a float model. Each stored row is either product
/// codes (a byte per sub-vector) or eight-bit values (a byte per column with a per-row offset
/// and step). With product codes, the row's norm may be quantized apart from its direction
/// (`qnorm`), which FastText.zip found preserves long, important rows better.
public struct QuantizedEmbeddings: Sendable, Equatable {
  /// How stored rows are encoded.
  public enum Encoding: Sendable, Equatable {
    /// Product quantization: ``ProductQuantizer/subquantizerCount`` code bytes per row.
    case product(ProductQuantizer, codes: [UInt8])
    /// Eight bits per value: row `r`'s value `c` is `offsets[r] + steps[r] × codes[r × columns + c]`.
    case eightBit(offsets: [Float], steps: [Float], codes: [UInt8])
  }

  /// Quantized row norms: row `r`'s norm is `centroids[codes[r]]`.
  public struct Norms: Sendable, Equatable {
    /// At most 256 norm values.
    let centroids: [Float]
    /// One byte per stored row.
    let codes: [UInt8]
  }

  /// The number of rows: vocabulary words, then buckets.
  public let rows: Int
  /// The embedding dimension.
  public let columns: Int
  /// The rows kept, in increasing order.
  public let storedRows: [UInt32]
  /// The stored rows' codes.
  public let encoding: Encoding
  /// With product codes and `qnorm`, each stored row's norm; the codes then encode unit rows.
  public let norms: Norms?

  /// The float table the codes stand for, compact (only stored rows), which prediction,
  /// explanations and the server read like any model's embeddings.
  ///
  /// Decoding once at load time is the per-model lookup cache: prediction then runs the very
  /// same embedding-bag kernel as a float model, at the same speed, and costs the memory of
  /// the kept rows only. The file stays small; the process holds floats.
  public func decoded() -> EmbeddingTable {
    let storage = FloatStorage(uninitializedCount: storedRows.count * columns)
    let output = storage.base
    switch encoding {
    case .product(let quantizer, let codes):
      let width = quantizer.subquantizerCount
      codes.withUnsafeBufferPointer { codes in
        guard let start = codes.baseAddress else { return }
        for index in storedRows.indices {
          let scale = norms.map { $0.centroids[Int($0.codes[index])] } ?? 1
          quantizer.decode(
            start + index * width, scale: scale, into: output + index * columns)
        }
      }
    case .eightBit(let offsets, let steps, let codes):
      for index in storedRows.indices {
        let offset = offsets[index]
        let step = steps[index]
        for column in 0..<columns {
          output[index * columns + column] =
            offset + step * Float(codes[index * columns + column])
        }
      }
    }
    return EmbeddingTable(rows: rows, columns: columns, storedRows: storedRows, storage: storage)
  }
}
