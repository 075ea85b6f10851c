/// One thing done with a task's head, whichever kind it is: ``TaskHead/perform(_:)`` calls
/// ``run(_:)`` with the concrete head, so each of ``TaskHead``'s methods is one action and
/// the kinds are listed in one `switch`.
protocol HeadAction {
  /// What the action returns.
  associatedtype Result

  /// Does the action with `head`; generic, so it is specialized for every head type.
  mutating func run<Kind: Head>(_ head: Kind) -> Result
}

/// Reads ``Head/readsLabelLists``.
struct ReadsLabelListsAction: HeadAction {
  @inline(__always)
  func run<Kind: Head>(_ head: Kind) -> Bool { head.readsLabelLists }
}

/// Runs the head's forward pass into ``probabilities``.
struct ProbabilitiesAction<Parameters: ForwardParameters>: HeadAction {
  let task: Int
  let input: UnsafePointer<Float>
  let parameters: Parameters
  let scratch: ForwardScratch
  /// One float per label, overwritten by the head.
  var probabilities: UnsafeMutableBufferPointer<Float>

  @inline(__always)
  mutating func run<Kind: Head>(_ head: Kind) {
    head.probabilities(
      ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
  }
}

/// Runs the head's gradient step, drawing from ``generator``; returns the step's loss.
struct TrainAction<Parameters: ForwardParameters, Generator: RandomNumberGenerator>: HeadAction {
  let task: Int
  let targets: UnsafeBufferPointer<Int32>
  let update: HeadUpdate
  let parameters: Parameters
  let scratch: ForwardScratch
  /// The caller's generator, handed back to it after the step.
  var generator: Generator

  @inline(__always)
  mutating func run<Kind: Head>(_ head: Kind) -> Float {
    head.train(
      ofTask: task, targets: targets, update: update, with: parameters, scratch: scratch,
      generator: &generator)
  }
}
