/// Maps byte offsets in normalized text back to the original input, through the changed spans
/// that normalization recorded.
///
/// Unchanged text maps by a running delta. A position inside a changed span maps to the span's
/// start (for a token's start) or end (for a token's end), so a token always covers every
/// original byte that produced it: `ﬁne` → `fine` gives `fine` the range of all of `ﬁne`.
struct OffsetMap {
  let edits: [TextEdit]

  /// The original offset where a token starting at normalized offset `position` begins.
  func originalStart(of position: Int) -> Int {
    // The first edit that ends after `position`; every edit before it lies wholly before.
    let index = firstIndex { $0.destinationEnd > position }
    if index < edits.count && edits[index].destinationStart <= position {
      return edits[index].sourceStart
    }
    return position + delta(before: index)
  }

  /// The original offset where a token ending at normalized offset `position` ends.
  func originalEnd(of position: Int) -> Int {
    var index = firstIndex { $0.destinationEnd >= position }
    var mapped = position + delta(before: index)
    // Changes that end at or straddle `position` belong to the token; so do deletions made right
    // at its end, such as a combining accent stripped from its last letter.
    while index < edits.count {
      let edit = edits[index]
      let straddles = edit.destinationStart < position && position <= edit.destinationEnd
      let deletedHere = edit.destinationLength == 0 && edit.destinationStart == position
      guard straddles || deletedHere else { break }
      mapped = edit.sourceEnd
      index += 1
    }
    return mapped
  }

  private func delta(before index: Int) -> Int {
    guard index > 0 else { return 0 }
    let previous = edits[index - 1]
    return previous.sourceEnd - previous.destinationEnd
  }

  /// Binary search for the first edit satisfying a predicate that is monotone over the edits.
  private func firstIndex(where predicate: (TextEdit) -> Bool) -> Int {
    var low = 0
    var high = edits.count
    while low < high {
      let middle = (low + high) / 2
      if predicate(edits[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
