/// The weight of each label's examples in each task's loss: the task's weight times the
/// label's class weight.
///
/// Balanced class weights are `documents / (labels × documents with the label)`, as in
/// scikit-learn's `class_weight="balanced"`, so each label contributes the same total weight
/// however rare it is. A label without training documents keeps the task's weight.
enum ClassWeights {
  /// Task weight × class weight for every task and label.
  ///
  /// - Parameters:
  ///   - tasks: The tasks, with their weights and class weighting.
  ///   - labelCounts: Training documents per label, per task.
  static func labelWeights(tasks: [TaskSpecification], labelCounts counts: [[Int]]) -> [[Float]] {
    tasks.indices.map { task in
      let weight = Float(tasks[task].weight)
      guard tasks[task].classWeighting == .balanced else {
        return Array(repeating: weight, count: counts[task].count)
      }
      let total = Float(counts[task].reduce(0, +))
      let labels = Float(counts[task].count)
      return counts[task].map { $0 > 0 ? weight * total / (labels * Float($0)) : weight }
    }
  }
}
