/// One task's explained mistakes in the HTML report: each document with its tokens shaded by
/// their contribution to the wrong answer, and its strongest evidence listed in words.
///
/// Green pushes toward the predicted label and red toward the runner-up, shaded by strength
/// relative to the document's strongest token. Colour is never the only cue: green tokens are
/// underlined solid and red ones dotted, every token carries its exact value as a tooltip,
/// and the strongest units are listed as signed numbers. The text wraps at any width, down to
/// a phone's, and is escaped like everything else in the report.
struct HTMLMistakesSection {
  let task: TaskReport
  let anchor: String

  /// The longest stretch of a document shown, in UTF-8 bytes; the rest is cut with `…`.
  static let textLimit = 2_000
  /// How many units the evidence line lists on each side.
  static let evidenceCount = 4

  /// The rules the section needs, to append to the page's style sheet: none for a report
  /// without explained mistakes, so such a page is byte for byte what it was before them.
  static func css(for report: EvaluationReport) -> String {
    report.tasks.contains { !$0.mistakes.isEmpty } ? "\n" + rules : ""
  }

  private static let rules = """
    .mistakes ol { list-style: none; padding: 0; margin: 0; }
    .mistake { border-top: 1px solid var(--line); padding: 12px 0; }
    .mistake .verdict { margin: 0 0 6px; font-size: 14px; }
    .mistake .where { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
    .explained-text { max-width: 100%; line-height: 2; overflow-wrap: anywhere;
      white-space: normal; font-size: 15px; }
    .contribution { padding: 1px 2px; border-radius: 3px; -webkit-box-decoration-break: clone;
      box-decoration-break: clone; }
    .contribution.toward { border-bottom: 2px solid #15803d; }
    .contribution.against { border-bottom: 2px dotted #b91c1c; }
    .evidence { margin: 6px 0 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
    .evidence .value { font-variant-numeric: tabular-nums; }
    .explain-legend { font-size: 13px; color: var(--muted); }
    .explain-legend .contribution { color: var(--ink); }
    """

  func html() -> [String] {
    guard !task.mistakes.isEmpty else { return [] }
    let count = task.mistakes.count
    var lines = [
      "<section class=\"mistakes\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-title\">",
      "<h2 id=\"\(anchor)-title\">\(HTMLEscaping.escape(task.name)): "
        + "\(count == 1 ? "the most confident mistake" : "the \(count) most confident mistakes")"
        + "</h2>",
      legend(),
      "<ol>",
    ]
    for mistake in task.mistakes { lines += item(mistake) }
    return lines + ["</ol>", "</section>"]
  }

  private func legend() -> String {
    "<p class=\"explain-legend\">Each word is shaded by how far it pushed the model: "
      + "<span class=\"contribution toward\" style=\"background:\(Self.fill(1))\">green, "
      + "underlined</span> toward the predicted label, "
      + "<span class=\"contribution against\" style=\"background:\(Self.fill(-1))\">red, "
      + "dotted</span> toward the runner-up; deeper is stronger. Values are exact shares of the "
      + "log odds of the prediction over the runner-up, shown on hover and listed below each "
      + "text.</p>"
  }

  private func item(_ mistake: ExplainedMistake) -> [String] {
    let explanation = mistake.explanation
    var verdict =
      "Predicted <strong>\(HTMLEscaping.escape(explanation.label))</strong> "
      + "(\(ReportNumberFormat.percent(explanation.probability)))"
    if let rival = explanation.referenceLabel {
      verdict += " over <strong>\(HTMLEscaping.escape(rival))</strong>"
    }
    verdict += "; true label <strong>\(HTMLEscaping.escape(mistake.truth))</strong>"
    if let location = mistake.location {
      verdict += " <span class=\"where\">\(HTMLEscaping.escape("\(location)"))</span>"
    }
    return [
      "<li class=\"mistake\">",
      "<p class=\"verdict\">\(verdict)</p>",
      "<div class=\"explained-text\">\(shadedText(mistake))</div>",
      evidence(explanation),
      "</li>",
    ]
  }

  /// The document with each contributing token wrapped in a shaded span.
  private func shadedText(_ mistake: ExplainedMistake) -> String {
    let bytes = Array(mistake.text.utf8)
    let tokens = mistake.explanation.tokenContributions
    let strongest = tokens.map { abs($0.value) }.max() ?? 0
    var limit = min(bytes.count, Self.textLimit)
    while limit < bytes.count && limit > 0 && bytes[limit] & 0xC0 == 0x80 { limit -= 1 }
    func plain(_ range: Range<Int>) -> String {
      HTMLEscaping.escape(String(decoding: bytes[range], as: UTF8.self))
    }
    var html = ""
    var cursor = 0
    for token in tokens {
      let range = token.originalRange
      guard range.lowerBound >= cursor, range.upperBound <= limit, !range.isEmpty else {
        continue
      }
      html += plain(cursor..<range.lowerBound)
      let side = token.value > 0 ? "toward" : "against"
      let share = strongest > 0 ? token.value / strongest : 0
      html +=
        "<span class=\"contribution \(side)\" style=\"background:\(Self.fill(share))\" "
        + "title=\"\(Self.signed(token.value))\">\(plain(range))</span>"
      cursor = range.upperBound
    }
    html += plain(cursor..<max(cursor, limit))
    return limit < bytes.count ? html + "…" : html
  }

  /// The strongest units on each side, tokens and word n-grams alike, as signed numbers.
  private func evidence(_ explanation: Explanation) -> String {
    func list(_ units: some Sequence<Contribution>) -> String {
      units.map {
        "“\(HTMLEscaping.escape($0.text))” <span class=\"value\">\(Self.signed($0.value))</span>"
      }
      .joined(separator: ", ")
    }
    let toward = explanation.contributions.prefix { $0.value > 0 }.prefix(Self.evidenceCount)
    let against = explanation.contributions.reversed().prefix { $0.value < 0 }
      .prefix(Self.evidenceCount)
    var parts: [String] = []
    if !toward.isEmpty {
      parts.append("For \(HTMLEscaping.escape(explanation.label)): \(list(toward))")
    }
    if !against.isEmpty {
      let rival = explanation.referenceLabel.map(HTMLEscaping.escape) ?? "the alternative"
      parts.append("for \(rival): \(list(against))")
    }
    if parts.isEmpty { parts.append("No known words: the model saw nothing to go on") }
    return "<p class=\"evidence\">" + parts.joined(separator: "; ") + ".</p>"
  }

  /// A contribution with its sign, to two decimals: `+0.53`, `−0.21`.
  static func signed(_ value: Double) -> String {
    (value < 0 ? "−" : "+") + ReportNumberFormat.decimal(abs(value), digits: 2)
  }

  /// The background for a token whose contribution is `share` of the document's strongest:
  /// green for positive shares, red for negative, deeper with the square root of the size so
  /// that weak evidence is still visible, and never so deep that dark text is hard to read.
  static func fill(_ share: Double) -> String {
    let strength = min(1, abs(share)).squareRoot()
    let alpha = ReportNumberFormat.decimal(0.1 + 0.45 * strength, digits: 2)
    return share >= 0 ? "rgba(22, 163, 74, \(alpha))" : "rgba(220, 38, 38, \(alpha))"
  }
}
