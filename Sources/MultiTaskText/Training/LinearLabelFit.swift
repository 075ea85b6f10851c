import Dispatch

/// One label's solver state across the grid of costs: its duals, weights and document-order
/// stream, continued from one cost to the next.
///
/// A class so that concurrent fits of different labels each own one object; no two threads
/// ever touch the same label, which is what makes the fits safe to share and their result
/// independent of the number of threads.
final class LinearLabelFit: @unchecked Sendable {
  /// The label fitted against the rest.
  let label: Int32
  /// One dual variable per training document.
  var duals: [Float]
  /// One weight per column, then the bias.
  var weights: [Float]
  /// The order of the documents in each pass.
  var generator: SplitMix64

  /// A fit from zero for `label` of `task`, over `documents` documents and `columns` columns.
  init(label: Int32, task: Int, documents: Int, columns: Int, seed: UInt64) {
    self.label = label
    duals = Array(repeating: 0, count: documents)
    weights = Array(repeating: 0, count: columns + 1)
    generator = SplitMix64(
      seed: seed &+ UInt64(task) << 32 &+ UInt64(label), stream: .linearPath)
  }

  /// Fits every label of `fits` at `cost`, on up to `threads` threads. The result does not
  /// depend on the threads: each label's fit is sequential and its own.
  static func fitAll(
    _ fits: [LinearLabelFit], cost: Float, solver: DualCoordinateDescent, threads: Int
  ) {
    let workers = ThreadCount.clamped(threads, toWork: fits.count)
    let work: @Sendable (Int) -> Void = { worker in
      for index in stride(from: worker, to: fits.count, by: workers) {
        let fit = fits[index]
        solver.fit(
          label: fit.label, cost: cost, duals: &fit.duals, weights: &fit.weights,
          generator: &fit.generator)
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
  }
}
