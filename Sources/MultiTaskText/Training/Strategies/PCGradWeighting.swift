/// PCGrad (Yu et al., NeurIPS 2020), applied to the shared document vector, where a task's
/// gradient costs one vector: when another task's gradient points against this one (negative
/// dot product), the conflicting component is removed before the shared rows are updated.
///
/// Conflicts are resolved between the tasks a document is labelled for, whose gradients are
/// exact; tasks trained on separate corpora never meet in one document, and for them PCGrad
/// trains exactly like fixed weighting.
struct PCGradWeighting: LossWeightingStrategy {
  init(taskCount: Int) {}

  /// Each task's gradient loses its component along any other task's gradient it conflicts
  /// with, then they are summed into `shared`.
  static func combine(
    tasks: [Int], gradients: UnsafeMutablePointer<Float>, into shared: UnsafeMutablePointer<Float>,
    dimension: Int, scratch projected: UnsafeMutablePointer<Float>
  ) {
    for task in tasks {
      projected.update(from: gradients + task * dimension, count: dimension)
      for other in tasks where other != task {
        let reference = UnsafePointer(gradients + other * dimension)
        let norm = RowKernels.dot(reference, reference, count: dimension)
        guard norm > 0 else { continue }
        let overlap = RowKernels.dot(projected, reference, count: dimension)
        if overlap < 0 {
          RowKernels.add(reference, scale: -overlap / norm, to: projected, count: dimension)
        }
      }
      RowKernels.add(projected, scale: 1, to: shared, count: dimension)
    }
  }
}
