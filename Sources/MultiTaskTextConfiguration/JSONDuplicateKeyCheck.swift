import Foundation

/// Finds a key that appears twice in one JSON object.
///
/// Foundation's JSON decoders keep one of the two values without a word, so a configuration
/// with `"epochs"` written twice would train with whichever came last; YAML already rejects
/// this, and JSON configurations must behave the same. The text has been parsed once already,
/// so it is known to be valid JSON and a small scanner suffices.
enum JSONDuplicateKeyCheck {
  /// The first repeated key and the byte offset of its second appearance, or nil.
  static func firstDuplicate(in bytes: [UInt8]) -> (key: String, offset: Int)? {
    /// Per open container: its keys so far when it is an object, nil for an array.
    var stack: [Set<String>?] = []
    var expectsKey = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"):
        stack.append([])
        expectsKey = true
      case UInt8(ascii: "["):
        stack.append(nil)
        expectsKey = false
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        _ = stack.popLast()
        expectsKey = false
      case UInt8(ascii: ","):
        expectsKey = stack.last.map { $0 != nil } ?? false
      case UInt8(ascii: "\""):
        let start = index
        index += 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        if expectsKey, var keys = stack.last ?? nil {
          let raw = Array(bytes[start...min(index, bytes.count - 1)])
          let key = (try? JSONDecoder().decode(String.self, from: Data(raw))) ?? ""
          if keys.contains(key) { return (key, start) }
          keys.insert(key)
          stack[stack.count - 1] = keys
          expectsKey = false
        }
      default:
        break
      }
      index += 1
    }
    return nil
  }
}
