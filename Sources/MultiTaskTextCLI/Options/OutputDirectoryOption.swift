import ArgumentParser
import Foundation

/// `--output DIR`: where a run writes, without editing the configuration file.
///
/// `--set output.directory=DIR` does the same but resolves a relative path against the
/// configuration file's folder, as every path in the file does; `--output` takes it from the
/// working directory, as a path typed on the command line is read everywhere else.
struct OutputDirectoryOption: ParsableArguments {
  @Option(
    name: .customLong("output"),
    help: ArgumentHelp(
      "The folder to write into, instead of output.directory; relative to the working"
        + " directory.", valueName: "directory"))
  var directory: String?

  func validate() throws {
    if let directory, directory.isEmpty {
      throw ValidationError("--output needs a folder, e.g. --output runs/mine")
    }
  }

  /// `directory` as an absolute path, resolved against the working directory.
  var absoluteDirectory: String? {
    guard let directory else { return nil }
    let url =
      directory.hasPrefix("/")
      ? URL(fileURLWithPath: directory)
      : URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        .appendingPathComponent(directory)
    return url.standardizedFileURL.path
  }
}
