/// The central finite difference `(f(x + h) − f(x − h)) / 2h` of `loss` along one coordinate
/// of `value`, the one `coordinate` reaches: the numeric side of every gradient test of a
/// loss kernel, which the kernel's analytic step must match.
func centralDifference<Value, Number: BinaryFloatingPoint>(
  of value: Value, along coordinate: WritableKeyPath<Value, Float>, step: Float,
  loss: (Value) -> Number
) -> Number {
  var plus = value
  plus[keyPath: coordinate] += step
  var minus = value
  minus[keyPath: coordinate] -= step
  return (loss(plus) - loss(minus)) / (2 * Number(step))
}
