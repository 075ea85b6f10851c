/// Fixed weighting: each task's loss counts by its configured weight (and class weights),
/// nothing more. Every hook keeps its default.
struct FixedWeighting: LossWeightingStrategy {
  init(taskCount: Int) {}
}
