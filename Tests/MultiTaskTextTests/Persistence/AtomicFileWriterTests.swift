import Foundation
import Testing

@testable import MultiTaskText

@Suite struct AtomicFileWriterTests {
  /// A fresh folder under the system's temporary folder.
  static func makeFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("AtomicFileWriterTests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  static func leftovers(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
  }

  @Test func writesThenReplacesContents() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/model.mtl"
    try AtomicFileWriter().write([1, 2, 3], to: path)
    #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    try AtomicFileWriter().write([9], to: path)
    #expect(FileManager.default.contents(atPath: path) == Data([9]))
    try AtomicFileWriter().write([], to: path)
    #expect(FileManager.default.contents(atPath: path) == Data())
    #expect(try Self.leftovers(in: folder).isEmpty)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
  }

  @Test func createsMissingParentFolders() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/runs/first/model.mtl"
    try AtomicFileWriter().write(Array("hello".utf8), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("hello".utf8))
  }

  @Test func aFileInThePlaceOfAFolderIsReported() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AtomicFileWriter().write([0], to: folder + "/blocker")
    let path = folder + "/blocker/inner/model.mtl"
    #expect(
      throws: PersistenceError.fileSystem(
        path: path, operation: "write",
        reason: "a file stands where one of its folders should be")
    ) {
      try AtomicFileWriter().write([1], to: path)
    }
    #expect(try Self.leftovers(in: folder).isEmpty)
  }

  @Test func aFolderAtTheDestinationIsRefusedAndLeavesNoTemporaryFile() throws {
    let folder = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/occupied"
    try FileManager.default.createDirectory(
      atPath: path + "/child", withIntermediateDirectories: true)
    do {
      try AtomicFileWriter().write([1, 2], to: path)
      Issue.record("writing over a folder should fail")
    } catch {
      guard case .fileSystem(let failedPath, let operation, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(failedPath == path)
      #expect(operation == "write")
      #expect(error.description == path + ": cannot write: it is a directory")
    }
    #expect(try Self.leftovers(in: folder).isEmpty)
  }

  @Test(arguments: [
    ("model.mtl", ".", "model.mtl"), ("/model.mtl", "/", "model.mtl"),
    ("runs/a/model.mtl", "runs/a", "model.mtl"),
  ])
  func pathsSplitIntoFolderAndName(path: String, folder: String, name: String) {
    let split = AtomicFileWriter.split(path)
    #expect(split.folder == folder && split.name == name)
  }
}
