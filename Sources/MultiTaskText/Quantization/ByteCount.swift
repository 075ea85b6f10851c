import Foundation

/// Byte counts as people write them: decimal megabytes, as `ls -h` does not but file sizes
/// on download pages and fastText's `.ftz` figures do, and binary units when spelled so.
/// `mtl quantize --target-size` and `training.memoryBudget` both read sizes with it, so a
/// size means the same wherever it is written.
public enum ByteCount {
  /// `bytes` as `3.71 MB`, `812 kB` or `96 B`: decimal units, two decimals rounded down.
  public static func text(_ bytes: Int) -> String {
    if bytes >= 1_000_000 { return "\(rounded(Double(bytes) / 1_000_000)) MB" }
    if bytes >= 1000 { return "\(rounded(Double(bytes) / 1000)) kB" }
    return "\(bytes) B"
  }

  /// Parses `4MB`, `4 MB`, `3.5M`, `800kB`, `800K`, `1GB`, `4MiB` or a plain byte count.
  /// Decimal units are powers of 1000, binary ones (`KiB`, `MiB`, `GiB`) of 1024.
  public static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let numberEnd = trimmed.firstIndex { !($0.isNumber || $0 == ".") } ?? trimmed.endIndex
    guard let number = Double(trimmed[..<numberEnd]), number.isFinite, number > 0 else {
      return nil
    }
    let unit = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces).lowercased()
    let scales: [String: Double] = [
      "": 1, "b": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
      "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824,
    ]
    guard let scale = scales[unit] else { return nil }
    let bytes = number * scale
    guard bytes >= 1, bytes < 1e15 else { return nil }
    return Int(bytes.rounded(.down))
  }

  /// Two decimals, rounded down, so a file just under a limit never prints as the limit.
  private static func rounded(_ value: Double) -> String {
    let text = String(Double((value * 100).rounded(.down)) / 100)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
