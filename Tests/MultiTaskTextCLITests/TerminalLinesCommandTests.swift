import Foundation
import Testing

/// The real `mtl` on an 80-column pseudo-terminal, trained on the repository's own corpora
/// with a fourth task made here: no row is wider than the terminal, counts have thousands
/// separators, the progress bar runs once across both trainings (the second is automatic
/// character n-grams), automatic epochs show no time left from their maximum of 30, and
/// `NO_COLOR` leaves no escape code.
@Suite(.serialized)
struct TerminalLinesCommandTests {
  final class Workspace {
    let url: URL
    static let corpora = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("corpora")

    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("mtl-term-\(UUID())")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      // A fourth task, from the bundled texts: is the message longer than 80 characters?
      for (name, files) in [
        ("length.jsonl", ["topic/train", "sentiment/train", "spam/train"]),
        ("length-dev.jsonl", ["topic/test", "sentiment/test", "spam/test"]),
      ] {
        var lines: [String] = []
        for file in files {
          let text = try String(
            contentsOf: Self.corpora.appendingPathComponent(file + ".jsonl"), encoding: .utf8)
          for line in text.split(separator: "\n") {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let body = record?["text"] as? String ?? ""
            let answer = ["text": body, "label": body.count > 80 ? "long" : "short"]
            lines.append(
              String(decoding: try JSONSerialization.data(withJSONObject: answer), as: UTF8.self))
          }
        }
        try (lines.joined(separator: "\n") + "\n").write(
          to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
      }
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `name`: the three bundled tasks and the length task, with dev files when
    /// `dev`, and `training` as the training section.
    func configure(_ name: String, dev: Bool, training: String, features: String) throws {
      var lines = ["tasks:"]
      for task in ["topic", "sentiment", "spam"] {
        lines += [
          "  - name: \(task)",
          "    train: \(Self.corpora.appendingPathComponent("\(task)/train.jsonl").path)",
        ]
        if dev {
          lines.append(
            "    dev: \(Self.corpora.appendingPathComponent("\(task)/test.jsonl").path)")
        }
        lines.append("    test: \(Self.corpora.appendingPathComponent("\(task)/test.jsonl").path)")
      }
      lines += ["  - name: message_length", "    train: length.jsonl"]
      if dev { lines.append("    dev: length-dev.jsonl") }
      lines += ["features: \(features)", "training: \(training)", "output: {directory: out}"]
      try (lines.joined(separator: "\n") + "\n").write(
        to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
  }

  static let terminal = PseudoTerminal(columns: 80)

  /// The live line's redraws: the rows that carry the elapsed time.
  static func progressRows(_ rows: [String]) -> [String] {
    rows.filter { $0.contains(" elapsed ") }
  }

  /// The percentages of the live line, in the order drawn.
  static func percentages(_ rows: [String]) -> [Double] {
    progressRows(rows).compactMap { row in
      row.firstMatch(of: /(\d+\.\d)%/).flatMap { Double(String($0.output.1)) }
    }
  }

  @Test func fixedEpochsFitEightyColumnsAndOneBarRunsAcrossBothTrainings() throws {
    guard PseudoTerminal.isAvailable else {
      print("skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal")
      return
    }
    let workspace = try Workspace()
    try workspace.configure(
      "fixed.yaml", dev: true, training: "{epochs: 4}", features: "{buckets: 20000}")
    let result = try Self.terminal.run(["train", workspace.path("fixed.yaml")])
    #expect(result.status == 0, "\(result.output)")
    let rows = result.rows
    let wide = rows.filter { $0.count > 80 }
    #expect(wide.isEmpty, "rows wider than 80 columns: \(wide)")
    // Four tasks do not fit one epoch line on 80 columns: one row per task.
    #expect(rows.contains("epoch 1 done:"))
    #expect(
      rows.contains { $0.hasPrefix("  message_length  loss ") && $0.contains("dev accuracy") })
    #expect(result.output.contains("read 1,760 documents, "))
    #expect(result.output.contains("small corpus: training again"))
    // One bar across both trainings: the percentage never goes back, and the second
    // training starts where the first ended, at half the run.
    let percentages = Self.percentages(rows)
    #expect(percentages.count >= 4, "\(Self.progressRows(rows))")
    #expect(zip(percentages, percentages.dropFirst()).allSatisfy { $0 <= $1 }, "\(percentages)")
    let second = Self.progressRows(rows).filter {
      $0.contains("training 2/2") || $0.contains("(2/2)")
    }
    #expect(!second.isEmpty)
    for row in second {
      let value = row.firstMatch(of: /(\d+\.\d)%/).flatMap { Double(String($0.output.1)) }
      #expect((value ?? 0) >= 50, "\(row)")
    }
  }

  @Test func automaticEpochsShowNoTimeLeftFromTheMaximum() throws {
    guard PseudoTerminal.isAvailable else {
      print("skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal")
      return
    }
    let workspace = try Workspace()
    try workspace.configure(
      "automatic.yaml", dev: false, training: "{seed: 1, patience: 1}", features: "{buckets: 20000}"
    )
    let result = try Self.terminal.run(["train", workspace.path("automatic.yaml")])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.rows.allSatisfy { $0.count <= 80 })
    let progress = Self.progressRows(result.rows)
    #expect(!progress.isEmpty)
    for row in progress {
      #expect(!row.contains("ETA"), "\(row)")
      #expect(!row.contains("/30"), "\(row)")
      #expect(!row.contains("%"), "\(row)")
    }
    // The least time left, from the plateau rule, once an epoch has been timed.
    #expect(progress.contains { $0.contains(" left") })
    #expect(progress.contains { $0.contains("training 2/2") || $0.contains("(2/2)") })
    #expect(result.output.contains("held out "))
  }

  @Test func noColorLeavesNoEscapeCodes() throws {
    guard PseudoTerminal.isAvailable else {
      print("skipped: /usr/bin/script (util-linux) is needed for a pseudo-terminal")
      return
    }
    let workspace = try Workspace()
    try workspace.configure(
      "plain.yaml", dev: false, training: "{epochs: 2}",
      features: "{buckets: 20000, minn: 3, maxn: 5}")
    let colored = try Self.terminal.run(["pipeline", workspace.path("plain.yaml")])
    #expect(colored.status == 0, "\(colored.output)")
    // Without NO_COLOR the report on a terminal is coloured, so the check below can fail.
    #expect(colored.output.contains("\u{1B}["))
    var plain = Self.terminal
    plain.environment["NO_COLOR"] = "1"
    let result = try plain.run(["pipeline", workspace.path("plain.yaml")])
    #expect(result.status == 0, "\(result.output)")
    #expect(!result.output.contains("\u{1B}"))
    #expect(result.output.contains("epoch 2 done"))
    #expect(result.rows.allSatisfy { $0.count <= 80 })
    let evaluation = try plain.run([
      "eval", "--model", workspace.path("out/model.mtl"), "--config", workspace.path("plain.yaml"),
    ])
    #expect(evaluation.status == 0, "\(evaluation.output)")
    #expect(!evaluation.output.contains("\u{1B}"))
  }

  /// `--output DIR` is read from the working directory, like any path typed on the command
  /// line, and replaces output.directory for every file the command writes.
  @Test func outputWritesWhereTheCommandLineSays() throws {
    let workspace = try Workspace()
    try workspace.configure(
      "run.yaml", dev: false, training: "{epochs: 1}",
      features: "{buckets: 20000, minn: 3, maxn: 5}")
    let elsewhere = workspace.path("elsewhere")
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    for (command, files) in [
      ("train", ["model.mtl", "vocabulary.tsv"]),
      ("pipeline", ["model.mtl", "report.json", "report.html"]),
    ] {
      let process = Process()
      process.executableURL = try CommandRunner.executable()
      process.arguments = [
        command, workspace.path("run.yaml"), "--quiet", "--output", "runs/\(command)",
      ]
      process.currentDirectoryURL = URL(fileURLWithPath: elsewhere)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(command)")
      for file in files {
        #expect(
          FileManager.default.fileExists(atPath: "\(elsewhere)/runs/\(command)/\(file)"),
          "\(command) did not write \(file)")
      }
    }
    #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    let empty = try CommandRunner.run(["train", workspace.path("run.yaml"), "--output", ""])
    #expect(empty.status != 0)
    #expect(empty.standardError.contains("--output needs a folder"))
  }
}
