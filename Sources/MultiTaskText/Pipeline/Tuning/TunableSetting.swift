/// One setting the tuner varies: its configuration key path, the values it tries (written as
/// a `--set` override would write them), and how each value changes a configuration.
///
/// Describing a value once, as the override text and the change it makes, is what lets the
/// tuner both train a trial and write `tuned.yaml` that `mtl pipeline` reproduces: the file
/// is the original configuration with the best trial's overrides applied.
public struct TunableSetting: Sendable {
  /// The key path, as `--set` takes it (`training.learningRate`, `tasks.spam.weight`).
  public let key: String
  /// The values tried, as override text.
  public let values: [String]
  /// Keys set together with ``key`` to the same value index: `features.maxn` with
  /// `features.minn`.
  let companions: [(key: String, values: [String])]
  /// Sets value `index` of ``values`` in a configuration.
  let apply: @Sendable (inout PipelineConfiguration, Int) -> Void

  init(
    key: String, values: [String], companions: [(key: String, values: [String])] = [],
    apply: @escaping @Sendable (inout PipelineConfiguration, Int) -> Void
  ) {
    self.key = key
    self.values = values
    self.companions = companions
    self.apply = apply
  }

  /// The overrides for value `index`: `key=value`, and the companions' values.
  public func overrides(_ index: Int) -> [String] {
    ["\(key)=\(values[index])"] + companions.map { "\($0.key)=\($0.values[index])" }
  }
}

extension TunableSetting {
  /// The settings searched for `configuration`: the learning rate, dimension, word and
  /// character n-grams, buckets and, per task, class weighting; with several tasks also each
  /// task's weight and the sampling temperature. Epochs are always automatic, so a trial
  /// stops as soon as its dev score does.
  public static func space(for configuration: PipelineConfiguration) -> [TunableSetting] {
    let rates = [0.05, 0.1, 0.2, 0.4]
    let dimensions = [50, 100]
    let wordNgrams = [1, 2, 3]
    let characterNgrams = [(0, 0), (2, 4), (3, 5), (3, 6)]
    let buckets = [200_000, 1_000_000, 2_000_000]
    var space = [
      TunableSetting(key: "training.learningRate", values: rates.map { "\($0)" }) {
        $0.training.learningRate = rates[$1]
      },
      TunableSetting(key: "model.dimension", values: dimensions.map { "\($0)" }) {
        $0.model.dimension = dimensions[$1]
      },
      TunableSetting(key: "features.wordNgrams", values: wordNgrams.map { "\($0)" }) {
        $0.features.wordNgrams = wordNgrams[$1]
      },
      TunableSetting(
        key: "features.minn", values: characterNgrams.map { "\($0.0)" },
        companions: [(key: "features.maxn", values: characterNgrams.map { "\($0.1)" })]
      ) {
        $0.features.minCharNgram = characterNgrams[$1].0
        $0.features.maxCharNgram = characterNgrams[$1].1
      },
      TunableSetting(key: "features.buckets", values: buckets.map { "\($0)" }) {
        $0.features.buckets = buckets[$1]
      },
    ]
    for (index, task) in configuration.tasks.enumerated() {
      let weightings = ClassWeighting.allCases
      space.append(
        TunableSetting(
          key: "tasks.\(task.name).classWeighting", values: weightings.map(\.rawValue)
        ) { $0.tasks[index].specification.classWeighting = weightings[$1] })
    }
    if configuration.tasks.count > 1 {
      let weights = [0.5, 1, 2]
      for (index, task) in configuration.tasks.enumerated() {
        space.append(
          TunableSetting(key: "tasks.\(task.name).weight", values: weights.map { "\($0)" }) {
            $0.tasks[index].specification.weight = weights[$1]
          })
      }
      let temperatures = [1.0, 1.5, 2, 3]
      space.append(
        TunableSetting(
          key: "training.temperature", values: temperatures.map { "\($0)" },
          companions: [(key: "training.sampling", values: temperatures.map { _ in "temperature" })]
        ) { $0.training.sampling = .temperature(temperatures[$1]) })
    }
    return space
  }
}
