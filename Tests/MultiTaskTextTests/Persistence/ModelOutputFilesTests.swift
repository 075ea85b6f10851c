import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `ModelOutputFiles`: the names of a run's files, and the model and vocabulary saved as
/// one commit.
struct ModelOutputFilesTests {
  @Test func pathsJoinTheFolderAndTheNamesAndAddTheCopy() {
    let files = ModelOutputFiles(directory: "runs/a/", vocabularyCopy: "vocab/a.tsv")
    #expect(files.modelPath == "runs/a/model.mtl")
    #expect(files.vocabularyPaths == ["runs/a/vocabulary.tsv", "vocab/a.tsv"])
    #expect(ModelOutputFiles.fileNames == ["model.mtl", "vocabulary.tsv"])
  }

  @Test func aFailureWritingTheVocabularyLeavesThePreviousModelUntouched() throws {
    let (fixture, model) = try QuantizerTests.floatModel()
    let folder = fixture.directory.url.appendingPathComponent("run").path
    let good = ModelOutputFiles(directory: folder)
    try good.write(model)
    let before = try Data(contentsOf: URL(fileURLWithPath: good.modelPath))
    #expect(try ModelFile.read(path: good.modelPath) == model)

    // A different model whose vocabulary copy cannot be written: a folder is in the way.
    var fewer = fixture.configuration
    fewer.training.epochs = 1
    let other = try fewer.trainModel()
    let blocked = fixture.directory.url.appendingPathComponent("blocked").path
    try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: true)
    let failing = ModelOutputFiles(directory: folder, vocabularyCopy: blocked)
    #expect(throws: PersistenceError.self) { try failing.write(other) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: good.modelPath)) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(leftovers.sorted() == ["model.mtl", "vocabulary.tsv"])
  }
}
