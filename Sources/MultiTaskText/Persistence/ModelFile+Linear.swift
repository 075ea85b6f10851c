/// The sparse linear paths' sections of a model file.
///
/// ```
/// LINR  UInt32 task index, UInt32 labels L, UInt32 features n, Float32 alpha,
///       n × UInt32 embedding row (ascending), n × Float32 inverse document frequency,
///       L × Float32 bias, n × L Float32 weights (one row of label weights per feature)
/// ```
///
/// One section per task that has a path, after the heads and private tables. Readers before
/// the path skip the section, as they skip every section they do not know, and answer with
/// the embedding bag alone. The section's length must equal what its header declares, so a
/// crafted file cannot make the reader allocate more than its own size.
extension ModelFile {
  static let linearTag = tag("LINR")

  /// Writes each task's path, in task order.
  static func streamLinearPaths(
    _ model: MultiTaskModel, into writer: inout BinaryWriter,
    send: (inout BinaryWriter) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    for (task, path) in model.linearPaths.enumerated() {
      guard let path else { continue }
      let count = path.features.count
      header(
        linearTag, length: 16 + count * 8 + path.labels * 4 + path.weights.count * 4, into: &writer)
      writer.write(UInt32(task))
      writer.write(UInt32(path.labels))
      writer.write(UInt32(count))
      writer.write(path.alpha)
      writer.write(contentsOf: path.features.map { UInt32(bitPattern: $0) })
      writer.write(contentsOf: path.inverseFrequencies)
      writer.write(contentsOf: path.biases)
      writer.write(contentsOf: path.weights)
      try send(&writer)
    }
  }

  /// Reads the paths' sections, checking each against the manifest and the embedding rows;
  /// empty when there are none.
  static func readLinearPaths(
    _ readers: [BinaryReader], manifest: ModelManifest, rows: Int, path: String
  ) throws -> [LinearPath?] {
    guard !readers.isEmpty else { return [] }
    var paths = [LinearPath?](repeating: nil, count: manifest.tasks.count)
    for var reader in readers {
      let task = Int(try reader.readUInt32())
      let labels = Int(try reader.readUInt32())
      let count = Int(try reader.readUInt32())
      let alpha = Float(bitPattern: try reader.readUInt32())
      func malformed(_ problem: String) -> ModelFileError {
        .malformed(path: path, problem: "the linear path of task \(task) \(problem)")
      }
      guard task < manifest.tasks.count else { throw malformed("has no task") }
      guard paths[task] == nil else { throw malformed("appears twice") }
      let described = manifest.tasks[task]
      guard labels == described.labels.count, !described.isMultiLabel,
        described.loss != .hierarchical
      else {
        throw malformed(
          "has \(labels) labels; the task has \(described.labels.count) and a single-label"
            + " softmax head is needed")
      }
      // Each feature takes 8 bytes plus `labels` weights; checked before allocating.
      let (perFeature, overflow) = (labels + 2).multipliedReportingOverflow(by: 4)
      let (featureBytes, featureOverflow) = count.multipliedReportingOverflow(by: perFeature)
      guard !overflow, !featureOverflow, count <= rows,
        reader.remaining == featureBytes + labels * 4
      else {
        throw malformed(
          "declares \(count) features of \(labels) labels, which do not fit its"
            + " \(reader.remaining + 16) bytes")
      }
      guard alpha.isFinite, alpha > 0 else { throw malformed("has the weight \(alpha)") }
      let features = try reader.readUInt32s(count: count).map { Int32(bitPattern: $0) }
      guard zip(features, features.dropFirst()).allSatisfy({ $0 < $1 }),
        features.allSatisfy({ $0 >= 0 && Int($0) < rows })
      else { throw malformed("lists features out of order or beyond the \(rows) rows") }
      let frequencies = try reader.readFloats(count: count)
      let biases = try reader.readFloats(count: labels)
      let weights = try reader.readFloats(count: count * labels)
      guard (frequencies + biases + weights).allSatisfy(\.isFinite) else {
        throw malformed("holds a value that is not a finite number")
      }
      paths[task] = LinearPath(
        features: features, inverseFrequencies: frequencies, weights: weights, biases: biases,
        alpha: alpha)
    }
    return paths
  }
}
