import Foundation

/// A strict, small well-formedness check for the HTML report, since Foundation's XML parser is
/// not available on Linux: every tag closes in order (void elements and `/>` excepted), no raw
/// `<` or unescaped `&` appears in text, and attribute values are quoted.
enum HTMLTagBalance {
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
  ]

  /// The first problem found, or nil when the document is balanced.
  static func problem(in html: String) -> String? {
    let characters = Array(html)
    var stack: [String] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "&" {
        let rest = String(characters[index..<min(characters.count, index + 10)])
        guard rest.range(of: "^&(#[0-9]+|[a-zA-Z]+);", options: .regularExpression) != nil else {
          return "unescaped & at \(index): \(rest)"
        }
        index += 1
        continue
      }
      guard character == "<" else {
        if character == ">" { return "raw > at \(index)" }
        index += 1
        continue
      }
      guard let end = tagEnd(characters, from: index) else { return "unterminated tag at \(index)" }
      let tag = String(characters[(index + 1)..<end])
      index = end + 1
      if tag.hasPrefix("!") { continue }
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces).lowercased()
        guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
        stack.removeLast()
        continue
      }
      let name = String(tag.prefix { $0.isLetter || $0.isNumber }).lowercased()
      guard !name.isEmpty else { return "raw < before \"\(tag.prefix(20))\"" }
      if let problem = attributeProblem(String(tag.dropFirst(name.count))) {
        return "<\(name)>: \(problem)"
      }
      if tag.hasSuffix("/") || voidElements.contains(name) { continue }
      if name == "style" || name == "script" {
        guard
          let close = html.range(
            of: "</\(name)>", range: html.index(html.startIndex, offsetBy: index)..<html.endIndex)
        else { return "unclosed <\(name)>" }
        index = html.distance(from: html.startIndex, to: close.upperBound)
        continue
      }
      stack.append(name)
    }
    return stack.isEmpty ? nil : "unclosed: \(stack)"
  }

  private static func tagEnd(_ characters: [Character], from start: Int) -> Int? {
    var quote: Character?
    for index in (start + 1)..<characters.count {
      let character = characters[index]
      if let open = quote {
        if character == open { quote = nil }
        if character == "<" { return nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == ">" {
        return index
      } else if character == "<" {
        return nil
      }
    }
    return nil
  }

  /// Attributes must be `name="value"` (or bare names); values hold no raw `<`, `>` or `&`.
  private static func attributeProblem(_ text: String) -> String? {
    let body = text.hasSuffix("/") ? String(text.dropLast()) : text
    let pattern = #"^(\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(="[^"<>]*"|='[^'<>]*')?)*\s*$"#
    return body.range(of: pattern, options: .regularExpression) == nil
      ? "bad attributes \(body.prefix(60))" : nil
  }
}
