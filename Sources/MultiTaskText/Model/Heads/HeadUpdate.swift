/// What one gradient step of a ``Head`` works on: the head's rows, its optimizer's state, the
/// rates and the input, gathered by the caller (a training worker, or the head retrainer) so
/// that a head needs no training type.
struct HeadUpdate {
  /// The head's rows, `dimension` floats each, updated in place.
  var rows: UnsafeMutablePointer<Float>
  /// AdaGrad's accumulator of each row, updated in place; nil for plain SGD.
  var squares: UnsafeMutablePointer<Float>?
  /// The head's input, `dimension` floats.
  var input: UnsafePointer<Float>
  /// `dimension` floats the step adds the input's gradient to (times the rate with SGD,
  /// without it with AdaGrad).
  var inputGradient: UnsafeMutablePointer<Float>
  /// The width of every row.
  var dimension: Int
  /// The current learning rate.
  var learningRate: Float
  /// The head's own multiplier of the learning rate.
  var headRate: Float
  /// The example's weight: task, class and strategy factors.
  var weight: Float
}
