/// Picks the name a misspelt one most likely meant, for "did you mean" hints: configuration
/// keys, and the JSONL field that holds labels when records spell it differently.
public enum NameSuggestion {
  /// The most edits a name may be away from a valid one and still be suggested.
  public static let largestDistance = 2

  /// The candidate that matches `name` ignoring case, or else the nearest one within
  /// ``largestDistance`` edits (the first in `candidates` on a tie); `nil` when none is near.
  ///
  /// - Parameters:
  ///   - name: The name as written.
  ///   - candidates: The valid names, in the order they are listed to the user.
  /// - Returns: The suggestion, or nil.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    if let match = candidates.first(where: { $0.lowercased() == name.lowercased() }) {
      return match
    }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(Array(name), Array(candidate))
      if distance <= largestDistance, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// The Levenshtein distance: insertions, deletions and substitutions of characters.
  ///
  /// - Parameters:
  ///   - source: One name's characters.
  ///   - target: The other's.
  /// - Returns: The number of edits that turn one into the other.
  public static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
    if source.isEmpty { return target.count }
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for (row, sourceCharacter) in source.enumerated() {
      current[0] = row + 1
      for (column, targetCharacter) in target.enumerated() {
        let substitution = previous[column] + (sourceCharacter == targetCharacter ? 0 : 1)
        current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
      }
      swap(&previous, &current)
    }
    return previous[target.count]
  }
}
