import ArgumentParser
import MultiTaskText

extension TextNormalizer.Form: ExpressibleByArgument {}
extension Tokenizer.LinkHandling: ExpressibleByArgument {}

/// Normalizer and tokenizer settings, shared by every command that reads raw text.
struct TextOptions: ParsableArguments {
  @Option(help: "Unicode normalization form: none, nfc or nfkc.")
  var normalization: TextNormalizer.Form = .nfkc

  @Flag(inversion: .prefixedNo, help: "Apply Unicode case folding.")
  var caseFolding = true

  @Flag(help: "Remove accents from Latin letters (other scripts keep their marks).")
  var stripAccents = false

  @Flag(help: "Fail on invalid UTF-8 instead of replacing it with U+FFFD.")
  var strictUTF8 = false

  @Flag(help: "Drop punctuation tokens.")
  var dropPunctuation = false

  @Flag(help: "Drop symbol and emoji tokens.")
  var dropSymbols = false

  @Flag(help: "Replace numbers with the placeholder <num>.")
  var numberPlaceholder = false

  @Option(help: "URLs: split (ICU's pieces), keep (one token) or placeholder (<url>).")
  var urls: Tokenizer.LinkHandling = .keep

  @Option(help: "E-mail addresses: split, keep or placeholder (<email>).")
  var emails: Tokenizer.LinkHandling = .keep

  @Option(help: "ICU locale for the word break rules (default: root).")
  var locale = ""

  var normalizer: TextNormalizer {
    TextNormalizer(
      form: normalization, caseFolding: caseFolding, stripsLatinAccents: stripAccents,
      invalidUTF8: strictUTF8 ? .reject : .replace)
  }

  var tokenizer: Tokenizer {
    Tokenizer(
      dropsPunctuation: dropPunctuation, dropsSymbols: dropSymbols,
      mapsNumbers: numberPlaceholder, urls: urls, emails: emails, locale: locale)
  }
}
