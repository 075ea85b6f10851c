import Foundation
import MultiTaskText

/// The body of `POST /v1/predict`: the texts, and the options `mtl predict` takes.
///
/// ```json
/// {"texts": ["free prize now"], "topK": 2, "explain": 0, "tasks": ["spam"],
///  "minProbability": 0.6}
/// ```
struct PredictRequest: Decodable, Sendable {
  var texts: [String]
  var topK: Int?
  var explain: Int?
  var tasks: [String]?
  var minProbability: Float?

  /// The options the library's formatter takes, checked as `mtl predict` checks its flags.
  func options() throws(ServerError) -> PredictionOptions {
    let topK = topK ?? 0
    let explain = explain ?? 0
    if topK < 0 { throw .invalidValue(path: "$.topK", problem: "must be 0 or more") }
    if explain < 0 { throw .invalidValue(path: "$.explain", problem: "must be 0 or more") }
    if let minProbability, !(0...1).contains(minProbability) {
      throw .invalidValue(path: "$.minProbability", problem: "must be between 0 and 1")
    }
    return PredictionOptions(
      topK: topK, explain: explain, minimumProbability: minProbability, tasks: tasks)
  }

  /// Decodes `body`, naming the JSON path of the first problem.
  static func decode(_ body: [UInt8]) throws(ServerError) -> PredictRequest {
    guard String(validating: body, as: UTF8.self) != nil else {
      throw .invalidUTF8(path: "$")
    }
    do { return try JSONDecoder().decode(PredictRequest.self, from: Data(body)) } catch {
      throw Self.describe(error)
    }
  }

  private static func describe(_ error: any Error) -> ServerError {
    guard let error = error as? DecodingError else {
      return .invalidJSON(path: "$", problem: "not valid JSON")
    }
    switch error {
    case .typeMismatch(let type, let context):
      return .invalidJSON(
        path: jsonPath(context.codingPath), problem: "expected \(typeName(type))")
    case .valueNotFound(let type, let context):
      return .invalidJSON(
        path: jsonPath(context.codingPath), problem: "expected \(typeName(type)), found null")
    case .keyNotFound(let key, let context):
      return .invalidJSON(path: jsonPath(context.codingPath + [key]), problem: "is missing")
    case .dataCorrupted(let context):
      return .invalidJSON(path: jsonPath(context.codingPath), problem: "not valid JSON")
    @unknown default:
      return .invalidJSON(path: "$", problem: "not valid JSON")
    }
  }

  /// `$.texts[2]` for the coding path texts → index 2.
  static func jsonPath(_ path: [any CodingKey]) -> String {
    path.reduce("$") { text, key in
      if let index = key.intValue { return text + "[\(index)]" }
      return text + "." + key.stringValue
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is [String].Type: return "an array of strings"
    case is Int.Type: return "an integer"
    case is Float.Type: return "a number"
    default: return "\(type)"
    }
  }
}
