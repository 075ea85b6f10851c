import ArgumentParser
import Foundation

/// `--budget`: seconds, written as a plain number (`90`) or with a unit (`30s`, `5m`,
/// `1h`, `1m30s`), as a user types a duration.
struct TimeBudget: ExpressibleByArgument, Equatable {
  /// The budget in seconds.
  let seconds: Double

  /// Reads `90`, `90s`, `5m`, `1.5h` or `1h30m`; nil for anything else, zero or negative.
  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
    if let plain = Double(text) {
      guard plain > 0, plain.isFinite else { return nil }
      seconds = plain
      return
    }
    var total = 0.0
    var number = ""
    var sawUnit = false
    for character in text {
      if character.isNumber || character == "." {
        number.append(character)
        continue
      }
      let unit: Double
      switch character {
      case "s": unit = 1
      case "m": unit = 60
      case "h": unit = 3600
      default: return nil
      }
      guard let value = Double(number) else { return nil }
      total += value * unit
      number = ""
      sawUnit = true
    }
    guard number.isEmpty, sawUnit, total > 0, total.isFinite else { return nil }
    seconds = total
  }

  init(seconds: Double) { self.seconds = seconds }

  /// The budget as help shows it.
  var defaultValueDescription: String { "5m" }
}
