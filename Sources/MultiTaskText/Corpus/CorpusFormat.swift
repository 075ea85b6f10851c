import Foundation

/// The file formats a corpus can be read from.
///
/// Configuration files name the format as a string (`"format": "jsonl"`), so the raw values are
/// part of the configuration language and must not change.
public enum CorpusFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// One JSON object per line: `{"text": "...", "label": "..."}` for one task, or
  /// `{"text": "...", "labels": {"topic": "World"}}` for several tasks.
  case jsonl
  /// Comma-separated values as in RFC 4180: quoted fields, doubled quotes and line breaks
  /// inside quoted fields.
  case csv
  /// Tab-separated values; fields are not quoted unless the source asks for quoting.
  case tsv
  /// fastText's training format: `__label__X text`, with the label prefix configurable.
  case fasttext
}

extension CorpusSource {
  /// The format a file extension implies: `.jsonl`/`.json` → JSONL, `.csv`, `.tsv`, and
  /// `.txt`/`.ft` → fastText; `nil` for any other extension.
  public static func inferredFormat(path: String) -> CorpusFormat? {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "jsonl", "json": return .jsonl
    case "csv": return .csv
    case "tsv": return .tsv
    case "txt", "ft": return .fasttext
    default: return nil
    }
  }
}
