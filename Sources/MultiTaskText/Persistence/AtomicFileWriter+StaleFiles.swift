#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFileWriter {
  /// Removes temporary files `.name.tmp-<pid>-XXXXXX` that a run killed mid-write left in
  /// `folder`, so they do not pile up beside the file.
  ///
  /// A file is removed only when the process named in it no longer exists; one whose process
  /// is alive may be another run writing right now. Failures are ignored: a stale file that
  /// cannot be removed does no harm to this write.
  static func removeStaleTemporaryFiles(in folder: String, name: String) {
    let prefix = ".\(name).tmp-"
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    var stale: [String] = []
    while let entry = readdir(directory) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard entryName.hasPrefix(prefix) else { continue }
      let rest = entryName.dropFirst(prefix.count)
      guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]),
        pid != getpid()
      else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { stale.append(entryName) }
    }
    for entryName in stale { _ = unlink(folder + "/" + entryName) }
  }
}
