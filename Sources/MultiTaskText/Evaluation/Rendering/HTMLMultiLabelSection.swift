/// A multi-label task's section of the HTML report: its figures, the per-label table sorted
/// by support (with each label's threshold and an F1 bar), and the most confused pairs, which
/// take the place a confusion matrix has for single-label tasks.
struct HTMLMultiLabelSection {
  let task: TaskReport
  let report: MultiLabelReport
  let anchor: String

  func html() -> [String] {
    let counts = report.counts
    func stat(_ name: String, _ value: String) -> String {
      "<div class=\"stat\"><span class=\"stat-name\">\(name)</span>"
        + "<span class=\"stat-value\">\(value)</span></div>"
    }
    var lines = [
      "<section class=\"task\" id=\"\(anchor)\">",
      "<h2>\(HTMLEscaping.escape(task.name)) <span class=\"file\">"
        + "\(HTMLEscaping.escape(task.file)) · multi-label</span></h2>",
      "<div class=\"stats\">",
      stat("Macro-F1", ReportNumberFormat.score(counts.macroF1)),
      stat("Micro-F1", ReportNumberFormat.score(counts.microF1)),
      stat("Sample F1", ReportNumberFormat.score(counts.sampleF1)),
      stat("Subset accuracy", ReportNumberFormat.percent(counts.subsetAccuracy)),
      stat("Hamming loss", ReportNumberFormat.decimal(counts.hammingLoss, digits: 4)),
      stat("Examples", ReportNumberFormat.count(counts.documents)),
      "</div>",
      "<div class=\"table-wrap classes\">", "<table>",
      "<thead><tr><th>Label</th><th class=\"num threshold\">Threshold</th><th class=\"num\">Precision</th>"
        + "<th class=\"num\">Recall</th><th class=\"num\">F1</th><th class=\"num\">Support</th>"
        + "</tr></thead>",
      "<tbody>",
    ]
    let ranked = TextReportRenderer.bySupport(report)
    let shown = ranked.prefix(HTMLTaskSection.classRowLimit)
    for label in shown {
      let f1 = counts.f1(label)
      let percent = ReportNumberFormat.decimal(max(0, min(1, f1)) * 100, digits: 1)
      let threshold = label < report.thresholds.count ? Double(report.thresholds[label]) : 0.5
      lines.append(
        "<tr><th scope=\"row\">\(HTMLEscaping.escape(report.labels[label]))</th>"
          + "<td class=\"num threshold\">\(ReportNumberFormat.decimal(threshold, digits: 3))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(counts.precision(label)))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.score(counts.recall(label)))</td>"
          + "<td class=\"num f1\"><span class=\"meter\"><span style=\"width:\(percent)%\">"
          + "</span></span>"
          + "\(ReportNumberFormat.score(f1))</td>"
          + "<td class=\"num\">\(ReportNumberFormat.count(counts.support(label)))</td></tr>")
    }
    lines += ["</tbody>", "</table>"]
    if let note = LabelFolding.note(hidden: ranked.count - shown.count, shown: shown.count) {
      lines.append("<p class=\"muted folded\">\(HTMLEscaping.escape(note))</p>")
    }
    lines.append("</div>")
    if !report.confusedPairs.isEmpty {
      lines.append(
        "<div class=\"unseen\"><p>Most confused pairs: the true label was missed and the other"
          + " given instead.</p><ul>")
      for pair in report.confusedPairs {
        lines.append(
          "<li><span class=\"label-chip\">\(HTMLEscaping.escape(pair.truth))</span> → "
            + "<span class=\"label-chip\">\(HTMLEscaping.escape(pair.predicted))</span> "
            + "\(ReportNumberFormat.count(pair.count))</li>")
      }
      lines.append("</ul></div>")
    }
    return lines + ["</section>"]
  }
}

/// A single-label task's reliability diagram: accuracy against confidence per bin, with the
/// diagonal a calibrated model would follow, and ECE, log-loss and Brier score.
struct HTMLReliabilityDiagram {
  let calibration: CalibrationReport

  /// The diagram's side in SVG units.
  static let size = 240.0

  func html() -> [String] {
    let side = Self.size
    let margin = 32.0
    let plot = side - 2 * margin
    var svg = [
      "<svg viewBox=\"0 0 \(SVGNumber.format(side)) \(SVGNumber.format(side))\" role=\"img\""
        + " aria-label=\"Reliability diagram\" class=\"reliability\">",
      "<rect x=\"\(SVGNumber.format(margin))\" y=\"\(SVGNumber.format(margin))\""
        + " width=\"\(SVGNumber.format(plot))\" height=\"\(SVGNumber.format(plot))\""
        + " fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>",
      "<line x1=\"\(SVGNumber.format(margin))\" y1=\"\(SVGNumber.format(margin + plot))\""
        + " x2=\"\(SVGNumber.format(margin + plot))\" y2=\"\(SVGNumber.format(margin))\""
        + " stroke=\"currentColor\" stroke-dasharray=\"4 3\" stroke-opacity=\"0.5\"/>",
    ]
    let width = plot / Double(calibration.bins.count)
    for (index, bin) in calibration.bins.enumerated() where bin.count > 0 {
      let height = bin.accuracy * plot
      svg.append(
        "<rect x=\"\(SVGNumber.format(margin + Double(index) * width + 1))\""
          + " y=\"\(SVGNumber.format(margin + plot - height))\""
          + " width=\"\(SVGNumber.format(max(1, width - 2)))\""
          + " height=\"\(SVGNumber.format(height))\" fill=\"#3b82f6\" fill-opacity=\"0.7\">"
          + "<title>confidence \(ReportNumberFormat.percent(bin.confidence)), accuracy "
          + "\(ReportNumberFormat.percent(bin.accuracy)), \(bin.count) documents</title></rect>")
    }
    // Ticks at 0, ½ and 1 on both axes, so a bar's height reads as an accuracy.
    for (fraction, label) in [(0.0, "0"), (0.5, "0.5"), (1.0, "1")] {
      svg.append(
        "<text class=\"tick\" x=\"\(SVGNumber.format(margin + fraction * plot))\""
          + " y=\"\(SVGNumber.format(margin + plot + 13))\" text-anchor=\"middle\""
          + " font-size=\"10\">\(label)</text>")
      svg.append(
        "<text class=\"tick\" x=\"\(SVGNumber.format(margin - 4))\""
          + " y=\"\(SVGNumber.format(margin + plot - fraction * plot + 3))\" text-anchor=\"end\""
          + " font-size=\"10\">\(label)</text>")
    }
    svg.append(
      "<text x=\"\(SVGNumber.format(side / 2))\" y=\"\(SVGNumber.format(side - 6))\""
        + " text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">confidence</text>")
    svg.append(
      "<text x=\"9\" y=\"\(SVGNumber.format(side / 2))\" font-size=\"11\" fill=\"currentColor\""
        + " transform=\"rotate(-90 9 \(SVGNumber.format(side / 2)))\" text-anchor=\"middle\">"
        + "accuracy</text>")
    svg.append("</svg>")
    return ["<figure class=\"reliability\">"] + svg + [
      "<figcaption>Reliability: each bar is the accuracy of the documents whose top"
        + " probability fell in its bin; a calibrated model's bars reach the dashed diagonal."
        + " ECE \(ReportNumberFormat.decimal(calibration.ece, digits: 4)), log-loss "
        + "\(ReportNumberFormat.decimal(calibration.logLoss, digits: 4)), Brier "
        + "\(ReportNumberFormat.decimal(calibration.brier, digits: 4)).</figcaption>",
      "</figure>",
    ]
  }
}
