/// A size in bytes as people write it in a configuration file: `512MiB`, `2GB`, `300M` or a
/// plain number of bytes.
///
/// Binary and decimal units both mean powers of 1024, as `ulimit`, `free -h` and most
/// memory settings do: nobody budgets memory in powers of ten, and reading `1GB` as 10⁹
/// bytes would surprise more users than it would please.
enum ByteSize {
  /// The units, longest first so that `MiB` is not read as `M`.
  private static let units: [(suffix: String, shift: Int)] = [
    ("KiB", 10), ("MiB", 20), ("GiB", 30), ("TiB", 40),
    ("KB", 10), ("MB", 20), ("GB", 30), ("TB", 40),
    ("K", 10), ("M", 20), ("G", 30), ("T", 40), ("B", 0),
  ]

  /// The bytes `text` names, or nil when it is not a size.
  static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingSpaces
    var digits = Substring(trimmed)
    var shift = 0
    for unit in units where trimmed.uppercased().hasSuffix(unit.suffix.uppercased()) {
      digits = trimmed.dropLast(unit.suffix.count)
      shift = unit.shift
      break
    }
    let number = digits.trimmingSpaces
    guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(number), value.isFinite
    else { return nil }
    let bytes = value * Double(1 << shift)
    guard bytes >= 0, bytes < 0x1p62 else { return nil }
    return Int(bytes)
  }

  /// `bytes` in the largest binary unit that divides it, as the reference shows sizes.
  static func describe(_ bytes: Int) -> String {
    for (suffix, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)]
    where bytes > 0 && bytes % (1 << shift) == 0 {
      return "\(bytes >> shift)\(suffix)"
    }
    return "\(bytes)B"
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    String(
      self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
