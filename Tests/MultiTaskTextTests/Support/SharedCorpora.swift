import Foundation
import Testing

/// Locates the public corpora shared between checkouts at `../shared/corpora`, relative to the
/// repository root.
///
/// They are not ours to copy into the repository, so tests that need them look for them next
/// to the clone. On CI (`CI=true`) their absence is a failure; on a developer machine those
/// tests are skipped with a message saying why.
enum SharedCorpora {
  /// The repository root: the nearest directory above this file holding `Package.swift`.
  static func repositoryRoot(filePath: String = #filePath) -> URL? {
    var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while directory.path != "/" {
      let manifest = directory.appendingPathComponent("Package.swift").path
      if FileManager.default.fileExists(atPath: manifest) { return directory }
      directory.deleteLastPathComponent()
    }
    return nil
  }

  /// `$MULTITASKTEXT_CORPORA`, else `<root>/../shared/corpora`, when it exists. The variable
  /// lets CI run the suite as a fresh clone sees it (pointing it at a missing folder) without
  /// moving the corpora; the Python tests read the same variable.
  static func directory() -> URL? {
    let corpora: URL
    if let given = ProcessInfo.processInfo.environment["MULTITASKTEXT_CORPORA"], !given.isEmpty {
      corpora = URL(fileURLWithPath: given, isDirectory: true).standardizedFileURL
    } else {
      guard let root = repositoryRoot() else { return nil }
      corpora =
        root.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora", isDirectory: true).standardizedFileURL
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpora.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return corpora
  }

  /// Whether this run is on CI, where missing corpora must fail rather than skip.
  static var isContinuousIntegration: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true"
  }

  /// Whether tests needing the corpora should run: they exist, or CI requires them.
  static var shouldRun: Bool { directory() != nil || isContinuousIntegration }

  /// The explanation shown when such tests are skipped.
  static let skipMessage: Comment =
    """
    shared corpora not found at ../shared/corpora next to the repository (or at \
    $MULTITASKTEXT_CORPORA when set); skipped (required when CI=true)
    """

  /// The corpora directory, or `nil` after recording an issue when it is missing.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
    guard let directory = directory() else {
      Issue.record(
        """
        shared corpora are missing at ../shared/corpora (or $MULTITASKTEXT_CORPORA when set; \
        CI=true requires them)
        """,
        sourceLocation: sourceLocation)
      return nil
    }
    return directory
  }
}

/// The shared corpora directory, when it exists; a shorthand other test files may reuse.
func sharedCorporaDirectory() -> URL? {
  SharedCorpora.directory()
}
