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

  private enum CodingKeys: String, CodingKey {
    case texts, topK, explain, tasks, minProbability
  }

  /// Decodes the fields, saying which number is out of range rather than that the JSON is
  /// invalid: `"topK": 1e30` is valid JSON with a value no `Int` holds.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    texts = try container.decode([String].self, forKey: .texts)
    topK = try Self.wholeNumber(container, .topK)
    explain = try Self.wholeNumber(container, .explain)
    tasks = try container.decodeIfPresent([String].self, forKey: .tasks)
    do { minProbability = try container.decodeIfPresent(Float.self, forKey: .minProbability) } catch
    {
      // Foundation reports a number no Float holds as corrupt data; read it as a Double to
      // say which value it was.
      guard let number = try? container.decode(Double.self, forKey: .minProbability) else {
        throw error
      }
      throw ServerError.invalidValue(
        path: "$.minProbability", problem: "must be between 0 and 1, found \(number)")
    }
  }

  private static func wholeNumber(
    _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
  ) throws -> Int? {
    do { return try container.decodeIfPresent(Int.self, forKey: key) } catch {
      guard let number = try? container.decode(Double.self, forKey: key) else { throw error }
      throw ServerError.invalidValue(
        path: "$.\(key.stringValue)",
        problem: "must be a whole number from 0 to \(Int.max), found \(number)")
    }
  }

  /// The options the library's formatter takes, checked as `mtl predict` checks its flags.
  func options() throws(ServerError) -> PredictionOptions {
    let topK = topK ?? 0
    let explain = explain ?? 0
    if topK < 0 { throw .invalidValue(path: "$.topK", problem: "must be 0 or more") }
    if explain < 0 { throw .invalidValue(path: "$.explain", problem: "must be 0 or more") }
    if let tasks, tasks.isEmpty {
      throw .invalidValue(
        path: "$.tasks", problem: "names no task; name at least one, or leave it out for all")
    }
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
    if let error = error as? ServerError { return error }
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
