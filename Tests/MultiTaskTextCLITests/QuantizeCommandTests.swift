import Foundation
import Testing

/// `mtl quantize` run as a user would: the small model predicts and evaluates, and bad
/// requests fail with messages that say what to do.
struct QuantizeCommandTests {
  static func trained() throws -> TrainPredictCommandTests.Workspace {
    let workspace = try TrainPredictCommandTests.Workspace()
    let trained = try CommandRunner.run(["train", workspace.path("config.yaml"), "--quiet"])
    #expect(trained.status == 0, "\(trained.standardError)")
    return workspace
  }

  @Test func aQuantizedModelPredictsAndEvaluates() throws {
    let workspace = try Self.trained()
    let model = workspace.path("out/model.mtl")
    let small = workspace.path("small.mtl")
    let quantized = try CommandRunner.run([
      "quantize", model, "--output", small, "--qnorm", "--dsub", "4", "--retrain",
      "--config", workspace.path("config.yaml"), "--epochs", "3",
    ])
    #expect(quantized.status == 0, "\(quantized.standardError)")
    #expect(quantized.standardOutput.contains("wrote \(small)"), "\(quantized.standardOutput)")
    #expect(quantized.standardOutput.contains("heads retrained"), "\(quantized.standardOutput)")
    #expect(quantized.standardOutput.contains("sub-vectors of 4, quantized norms"))
    let input = Data("the striker scored in the match\nWIN a FREE prize\n".utf8)
    let predicted = try CommandRunner.run(["predict", "--model", small], input: input)
    #expect(predicted.status == 0, "\(predicted.standardError)")
    let lines = predicted.standardOutput.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.contains("\"topic\"") == true)
    let evaluated = try CommandRunner.run([
      "eval", "--model", small, "--config", workspace.path("config.yaml"), "--format", "json",
    ])
    #expect(evaluated.status == 0, "\(evaluated.standardError)")
    #expect(evaluated.standardOutput.contains("\"accuracy\""))
  }

  @Test func aTargetSizeIsMet() throws {
    let workspace = try Self.trained()
    let small = workspace.path("small.mtl")
    let result = try CommandRunner.run([
      "quantize", workspace.path("out/model.mtl"), "--output", small, "--target-size", "6kB",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let size = try #require(try FileManager.default.attributesOfItem(atPath: small)[.size] as? Int)
    #expect(size <= 6000)
    let tiny = try CommandRunner.run([
      "quantize", workspace.path("out/model.mtl"), "--output", small, "--target-size", "100B",
    ])
    #expect(tiny.status == 1)
    #expect(tiny.standardError.contains("give a larger --target-size"), "\(tiny.standardError)")
  }

  @Test func badRequestsSayWhatToDo() throws {
    let workspace = try Self.trained()
    let model = workspace.path("out/model.mtl")
    let small = workspace.path("small.mtl")
    let cases: [([String], String)] = [
      (["--bits", "4"], "--bits takes 8"),
      (["--bits", "8", "--qnorm"], "--qnorm is for product quantization"),
      (["--target-size", "four"], "--target-size expects a size"),
      (["--target-size", "4MB", "--cutoff", "10"], "give one or the other"),
      (["--cutoff", "0"], "--cutoff must keep at least 1 row"),
      (["--dsub", "9"], "must be between 1 and 8 (the model's dimension, and at most 16)"),
      (["--retrain"], "--retrain needs training data"),
      (["--train", workspace.path("topic.jsonl")], "add --retrain"),
      (["--retrain", "--train", workspace.path("topic.jsonl")], "say which with name=file"),
    ]
    for (options, message) in cases {
      let result = try CommandRunner.run(["quantize", model, "--output", small] + options)
      #expect(result.status != 0, "\(options)")
      #expect(result.standardError.contains(message), "\(options): \(result.standardError)")
    }
    #expect(!FileManager.default.fileExists(atPath: small))
    let first = try CommandRunner.run(["quantize", model, "--output", small])
    #expect(first.status == 0, "\(first.standardError)")
    let again = try CommandRunner.run([
      "quantize", small, "--output", workspace.path("smaller.mtl"),
    ])
    #expect(again.status == 1)
    #expect(again.standardError.contains("already quantized"), "\(again.standardError)")
    let overwrite = try CommandRunner.run(["quantize", model, "--output", model])
    #expect(overwrite.status != 0)
  }
}
