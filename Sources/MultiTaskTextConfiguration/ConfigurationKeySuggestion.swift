import MultiTaskText

/// Picks the valid key a misspelled one most likely meant, for "did you mean" hints.
///
/// The matching itself is the library's ``NameSuggestion``, which corpus readers use for
/// misspelt label fields, so both hints follow one rule.
public enum ConfigurationKeySuggestion {
  /// The most edits a key may be away from a valid key and still be suggested.
  static let largestDistance = NameSuggestion.largestDistance

  /// The valid key that matches `key` ignoring case, or else the nearest one within
  /// ``largestDistance`` edits (the first in `candidates` on a tie); `nil` when none is near.
  ///
  /// - Parameters:
  ///   - key: The unknown key as written.
  ///   - candidates: The valid keys, in the order they are listed to the user.
  public static func closest(to key: String, among candidates: [String]) -> String? {
    NameSuggestion.closest(to: key, among: candidates)
  }

  /// The Levenshtein distance: insertions, deletions and substitutions of characters.
  static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
    NameSuggestion.editDistance(source, target)
  }
}
