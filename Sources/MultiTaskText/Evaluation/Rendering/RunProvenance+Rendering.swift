import Foundation

/// The provenance block of the HTML and Markdown reports: a small table of facts, then the
/// effective configuration as JSON, folded away because it is long.
extension RunProvenance {
  /// Name and value pairs, in reading order.
  var facts: [(name: String, value: String)] {
    var rows = [("mtl", mtlVersion), ("created", createdAt)]
    if let seed { rows.append(("seed", "\(seed)")) }
    if let threads { rows.append(("threads", "\(threads)")) }
    if let keptEpoch {
      rows.append(("kept epoch", "\(keptEpoch)" + (keptBecause.map { ", \($0)" } ?? "")))
    }
    if let modelChecksum { rows.append(("model CRC-32C", modelChecksum)) }
    rows.append(("ICU", icuVersion))
    return rows
  }

  /// The effective configuration as indented JSON, or nil without one.
  var configurationJSON: String? {
    guard let configuration else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(configuration) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The HTML panel.
  func html() -> [String] {
    var lines = ["<section class=\"run\">", "<h2>Run</h2>", "<dl class=\"facts-list\">"]
    for (name, value) in facts {
      lines.append(
        "<dt>\(HTMLEscaping.escape(name))</dt><dd><code>\(HTMLEscaping.escape(value))</code></dd>")
    }
    lines.append("</dl>")
    if let json = configurationJSON {
      lines += [
        "<details><summary>Effective configuration</summary>",
        "<pre>\(HTMLEscaping.escape(json))</pre>", "</details>",
      ]
    }
    return lines + ["</section>"]
  }

  /// The Markdown block, collapsible where the viewer supports `<details>`.
  func markdown() -> [String] {
    var lines = ["<details><summary>Run</summary>", "", "| | |", "|:--|:--|"]
    for (name, value) in facts {
      lines.append("| \(name) | `\(value.replacingOccurrences(of: "|", with: "\\|"))` |")
    }
    lines.append("")
    if let json = configurationJSON { lines += ["```json", json, "```", ""] }
    return lines + ["</details>", ""]
  }
}
