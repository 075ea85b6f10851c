import Foundation
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on one output folder for the length of a run, so two runs into the
/// same folder cannot leave one's model beside the other's report.
///
/// Each run prepares its files and commits them together; without a lock, two runs that
/// finish close together interleave their renames. The second run is refused at once, with
/// the process that holds the folder, rather than made to wait for a training of unknown
/// length.
///
/// The lock is `flock` on a file in the temporary folder named after the output folder's
/// real path: nothing is created in the output folder before the run commits (a failed run
/// leaves no trace there), and the kernel releases the lock when the process ends, however
/// it ends.
enum OutputLock {
  /// Takes the lock on `directory` for the rest of the process.
  ///
  /// - Throws: ``CommandFailure`` naming the folder and the process that holds it.
  static func acquire(directory: String) throws {
    let canonical = canonicalPath(directory)
    let name = String(FNV1a.hash(Array(canonical.utf8)), radix: 16)
    let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
    let path = "\(folder ?? "/tmp")/mtl-output-\(name).lock"
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    // No lock file can be made (a read-only temporary folder): the run goes on unlocked
    // rather than failing for a safeguard.
    guard descriptor >= 0 else { return }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      close(descriptor)
      let process =
        holder.isEmpty ? "" : " (process \(holder.trimmingCharacters(in: .whitespacesAndNewlines)))"
      throw CommandFailure(
        "\(directory): another mtl run is writing into this folder\(process); wait for it to"
          + " finish, or give this run another output.directory")
    }
    _ = ftruncate(descriptor, 0)
    let pid = "\(getpid())\n"
    _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    // The descriptor stays open on purpose: the lock lasts until the process exits.
  }

  /// `path` made absolute, with the longest existing prefix's symbolic links resolved, so
  /// two spellings of one folder take one lock.
  static func canonicalPath(_ path: String) -> String {
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var missing: [String] = []
    while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
      missing.insert(url.lastPathComponent, at: 0)
      url.deleteLastPathComponent()
    }
    var resolved = url.resolvingSymlinksInPath()
    for component in missing { resolved.appendPathComponent(component) }
    return resolved.path
  }
}
