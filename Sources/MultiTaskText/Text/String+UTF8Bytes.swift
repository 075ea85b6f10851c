extension String {
  /// Calls `body` with the string's UTF-8 bytes and keeps `body`'s typed error.
  ///
  /// `String.withUTF8` rethrows, which would erase ``TextError`` to `any Error`; its closure
  /// is given a non-throwing body here and the outcome is carried out of it. The string is
  /// made contiguous if it is not, which is why this is mutating.
  mutating func withUTF8Bytes<Value>(
    _ body: (UnsafeRawBufferPointer) throws(TextError) -> Value
  ) throws(TextError) -> Value {
    let outcome: Result<Value, TextError> = withUTF8 { utf8 in
      do throws(TextError) {
        return .success(try body(UnsafeRawBufferPointer(utf8)))
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }
}
