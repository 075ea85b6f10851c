/// Which per-label rows a report for people shows when a task has thousands of labels.
///
/// Up to a renderer's limit every label is shown, in label order, so a small report reads as
/// it always has. Past it, the labels with the most test documents are shown, most first
/// (ties in label order), and one line says how many more there are: a 20,000-row table is
/// read by nobody, and it made the text, Markdown and HTML reports grow without bound. The
/// JSON report always lists every label.
enum LabelFolding {
  /// The per-class rows to show, as indices into `classes`.
  ///
  /// - Parameters:
  ///   - classes: How many labels the task has.
  ///   - limit: The most rows shown.
  ///   - support: A label's test documents.
  /// - Returns: Every label in order when they fit; else the `limit` best supported.
  static func shown(classes: Int, limit: Int, support: (Int) -> Int) -> [Int] {
    guard classes > limit else { return Array(0..<classes) }
    return Array(bySupport(classes: classes, support: support).prefix(max(0, limit)))
  }

  /// The labels, most test documents first, ties in label order.
  static func bySupport(classes: Int, support: (Int) -> Int) -> [Int] {
    let supports = (0..<classes).map(support)
    return (0..<classes).sorted {
      supports[$0] != supports[$1] ? supports[$0] > supports[$1] : $0 < $1
    }
  }

  /// The line under a folded table, or nil when nothing was folded.
  ///
  /// - Parameters:
  ///   - hidden: The labels left out.
  ///   - shown: The labels shown.
  static func note(hidden: Int, shown: Int) -> String? {
    guard hidden > 0 else { return nil }
    return "… \(ReportNumberFormat.count(hidden)) more label\(hidden == 1 ? "" : "s")"
      + " (the \(ReportNumberFormat.count(shown)) with the most test documents are shown;"
      + " the JSON report lists every label)"
  }

  /// At most `limit` items of a list for people, with a last item saying how many more
  /// there are.
  ///
  /// - Parameters:
  ///   - items: The rendered items.
  ///   - limit: The most items kept.
  static func truncated(_ items: [String], limit: Int) -> [String] {
    guard items.count > limit else { return items }
    return Array(items.prefix(limit)) + ["… \(ReportNumberFormat.count(items.count - limit)) more"]
  }
}
