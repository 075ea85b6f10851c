/// What training decided about one task's sparse linear path, kept in the manifest so a user
/// can see why a model has a path or not (`mtl info`, the pipeline's report).
public struct LinearPathRecord: Codable, Sendable, Equatable {
  /// Whether the model uses the path for this task.
  public var used: Bool
  /// The weight of the path's scores; 0 when unused.
  public var alpha: Float
  /// The regularization chosen: the cost `C` of the squared-hinge loss (larger fits the
  /// training documents more closely).
  public var cost: Double
  /// The path's columns: the features of the task's training documents.
  public var features: Int
  /// The task's dev score (by its metric) with the path at the chosen weight and cost; nil
  /// without dev data.
  public var developmentScore: Double?
  /// The same dev score without the path, the embedding bag alone.
  public var developmentScoreWithout: Double?
  /// How much the score with the path had to beat the one without (it must be higher);
  /// nil without dev data.
  public var margin: Double?

  /// Creates a record.
  public init(
    used: Bool, alpha: Float, cost: Double, features: Int, developmentScore: Double? = nil,
    developmentScoreWithout: Double? = nil, margin: Double? = nil
  ) {
    self.used = used
    self.alpha = alpha
    self.cost = cost
    self.features = features
    self.developmentScore = developmentScore
    self.developmentScoreWithout = developmentScoreWithout
    self.margin = margin
  }
}
