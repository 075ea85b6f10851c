import Foundation

/// The files a training run saves, `model.mtl` and `vocabulary.tsv` in its output folder
/// (and an optional copy of the vocabulary elsewhere), saved as one commit: all of them or,
/// on any failure, none.
///
/// The names are declared here once, for the CLI, the C API and the server; the Python
/// package keeps a copy of ``modelFileName`` that points here.
public struct ModelOutputFiles: Equatable, Sendable {
  /// The model file's name in an output folder.
  public static let modelFileName = "model.mtl"
  /// The vocabulary file's name in an output folder.
  public static let vocabularyFileName = "vocabulary.tsv"

  /// Where the model goes.
  public var modelPath: String
  /// Where the vocabulary goes: the output folder's file first, then any copy.
  public var vocabularyPaths: [String]

  /// The files of a run whose output folder is `directory`.
  ///
  /// - Parameters:
  ///   - directory: The output folder.
  ///   - vocabularyCopy: A second path for the vocabulary, or nil.
  public init(directory: String, vocabularyCopy: String? = nil) {
    modelPath = Self.path(directory, Self.modelFileName)
    vocabularyPaths = [Self.path(directory, Self.vocabularyFileName)]
    if let vocabularyCopy { vocabularyPaths.append(vocabularyCopy) }
  }

  /// The names written into an output folder, for checks made before a run starts.
  public static var fileNames: [String] { [modelFileName, vocabularyFileName] }

  /// Prepares the model and its vocabulary beside their destinations, not yet in place, so a
  /// caller can commit them together with files of its own (reports) through
  /// `commitAll()`.
  ///
  /// - Throws: `PersistenceError` naming the path at fault; every file prepared so far is
  ///   discarded, and every destination holds its previous contents.
  public func prepare(_ model: MultiTaskModel) throws(PersistenceError) -> [PreparedFile] {
    try prepareWithChecksum(model).files
  }

  /// Prepares the files like ``prepare(_:)`` and returns the model file's checksum too, from
  /// the bytes being written, so that a report can record it without encoding the model a
  /// second time.
  ///
  /// - Parameter model: The model to write.
  /// - Returns: The prepared files, the model's first, and the model file's checksum.
  /// - Throws: ``PersistenceError`` when a file cannot be prepared; none is then in place.
  public func prepareWithChecksum(
    _ model: MultiTaskModel
  ) throws(PersistenceError) -> (files: [PreparedFile], checksum: UInt32) {
    let prepared = try ModelFile.prepareWithChecksum(model, to: modelPath)
    var files = [prepared.file]
    for path in vocabularyPaths {
      files.append(try VocabularyFile.prepare(model.vocabulary, to: path))
    }
    return (files, prepared.checksum)
  }

  /// Saves the model and its vocabulary, with `others` prepared by the caller, all or none.
  ///
  /// - Throws: `PersistenceError` naming the path at fault; when preparing any file fails,
  ///   every destination holds its previous contents.
  public func write(
    _ model: MultiTaskModel, with others: [PreparedFile] = []
  ) throws(PersistenceError) {
    try (prepare(model) + others).commitAll()
  }

  /// `name` inside `directory`, joined as `NSString` joins path components (one slash, no
  /// trailing slash kept), so printed paths stay what they were.
  private static func path(_ directory: String, _ name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }
}
