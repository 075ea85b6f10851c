/// Maps normalized offsets back to the original input exactly as `OffsetMap` does, for
/// positions asked in text order.
///
/// Tokens come out in text order, so instead of a binary search over the edits at every token
/// boundary, a cursor walks them once per document. Asking for a position before the previous
/// one is still answered correctly: the cursor goes back to the first edit.
struct OffsetCursor {
  let edits: [TextEdit]
  /// The first edit whose `destinationEnd` is at or after the last position asked; every edit
  /// before it ends before that position.
  private var index = 0
  private var lastPosition = 0

  init(edits: [TextEdit]) {
    self.edits = edits
  }

  /// The same as `OffsetMap.originalStart(of:)`.
  mutating func originalStart(of position: Int) -> Int {
    advance(to: position)
    // The first edit that ends after `position`, as OffsetMap finds by binary search.
    var found = index
    while found < edits.count && edits[found].destinationEnd <= position { found += 1 }
    if found < edits.count && edits[found].destinationStart <= position {
      return edits[found].sourceStart
    }
    return position + delta(before: found)
  }

  /// The same as `OffsetMap.originalEnd(of:)`.
  mutating func originalEnd(of position: Int) -> Int {
    advance(to: position)
    var found = index
    var mapped = position + delta(before: found)
    while found < edits.count {
      let edit = edits[found]
      let straddles = edit.destinationStart < position && position <= edit.destinationEnd
      let deletedHere = edit.destinationLength == 0 && edit.destinationStart == position
      guard straddles || deletedHere else { break }
      mapped = edit.sourceEnd
      found += 1
    }
    return mapped
  }

  /// Moves `index` to the first edit with `destinationEnd >= position`.
  private mutating func advance(to position: Int) {
    if position < lastPosition { index = 0 }
    lastPosition = position
    while index < edits.count && edits[index].destinationEnd < position { index += 1 }
  }

  private func delta(before index: Int) -> Int {
    guard index > 0 else { return 0 }
    let previous = edits[index - 1]
    return previous.sourceEnd - previous.destinationEnd
  }
}
