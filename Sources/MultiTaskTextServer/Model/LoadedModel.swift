import Foundation
import MultiTaskText

/// A model read from its file, with what `/v1/model` reports and the predictors that serve
/// it. Immutable once made, so requests that started on it finish on it after a reload.
final class LoadedModel: Sendable {
  let model: MultiTaskModel
  let path: String
  /// The CRC-32C stored at the end of the file, which reading has checked.
  let checksum: UInt32
  let fileModified: Date?
  let loadedAt: Date
  let pool: PredictorPool

  /// Reads and checks the file at `path` and prepares `workers` predictors.
  static func read(path: String, workers: Int) throws(ServerError) -> LoadedModel {
    let bytes = try ModelFileBytes.read(path: path)
    let model: MultiTaskModel
    do { model = try ModelFile.decode(bytes, path: path) } catch {
      throw .modelUnavailable(error.description)
    }
    // Decoding has verified the checksum in the file's last four bytes, little-endian.
    let tail = bytes.suffix(4)
    let checksum = tail.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    let pool: PredictorPool
    do { pool = try PredictorPool(model: model, count: workers) } catch {
      throw .modelUnavailable("\(path): \(error)")
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return LoadedModel(
      model: model, path: path, checksum: checksum,
      fileModified: attributes?[.modificationDate] as? Date, pool: pool)
  }

  private init(
    model: MultiTaskModel, path: String, checksum: UInt32, fileModified: Date?,
    pool: PredictorPool
  ) {
    self.model = model
    self.path = path
    self.checksum = checksum
    self.fileModified = fileModified
    self.loadedAt = Date()
    self.pool = pool
  }

  /// The checksum as `/v1/model` and `/metrics` show it: eight hex digits.
  var checksumText: String {
    let digits = String(checksum, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
