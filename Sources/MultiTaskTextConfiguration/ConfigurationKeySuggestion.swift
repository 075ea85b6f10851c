import MultiTaskText

/// Picks the valid key a misspelled one most likely meant, for "did you mean" hints.
public enum ConfigurationKeySuggestion {
  /// The most edits a key may be away from a valid key and still be suggested.
  static let largestDistance = 2

  /// The valid key that matches `key` ignoring case, or else the nearest one within
  /// ``largestDistance`` edits (the first in `candidates` on a tie); `nil` when none is near.
  ///
  /// - Parameters:
  ///   - key: The unknown key as written.
  ///   - candidates: The valid keys, in the order they are listed to the user.
  public static func closest(to key: String, among candidates: [String]) -> String? {
    if let match = candidates.first(where: { $0.lowercased() == key.lowercased() }) {
      return match
    }
    var best: (key: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(Array(key), Array(candidate))
      if distance <= largestDistance, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.key
  }

  /// The Levenshtein distance: insertions, deletions and substitutions of characters.
  static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
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
