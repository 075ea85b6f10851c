import Foundation
import Hummingbird

/// Responses with JSON bodies, including the error shape every failure shares:
/// `{"error": {"code": "...", "message": "..."}}`.
enum JSONResponse {
  static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return Response(
      status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  static func encoding(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    // Paths and media types in messages read as written: `/tmp/m.mtl`, not `\/tmp\/m.mtl`.
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do { return bytes(Array(try encoder.encode(value)), status: status) } catch {
      // Every value here is plain strings and numbers; failing is a programming error.
      return Response(status: .internalServerError)
    }
  }

  private struct ErrorBody: Encodable {
    struct Detail: Encodable {
      var code: String
      var message: String
    }
    var error: Detail
  }

  static func error(_ error: ServerError) -> Response {
    var response = encoding(
      ErrorBody(error: .init(code: error.code, message: error.description)),
      status: error.status)
    if case .methodNotAllowed(_, let allowed) = error {
      response.headers[.allow] = allowed.joined(separator: ", ")
    }
    if case .overloaded = error { response.headers[.retryAfter] = "1" }
    return response
  }
}
