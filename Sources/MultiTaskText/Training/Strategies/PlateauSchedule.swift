/// The learning rate and stopping rule of automatic epochs: on a dev plateau, go back to the
/// best epoch and halve the rate; after `patience` plateaus in a row, or at the last allowed
/// epoch, stop.
///
/// Within an epoch the rate is constant; the plateaus anneal it instead of a fixed linear
/// decay, whose length automatic epochs do not know in advance.
struct PlateauSchedule {
  /// What to do after an epoch.
  enum Decision: Equatable {
    /// The dev score improved: go on at the same rate.
    case goOn
    /// A plateau: go back to the best epoch and go on at the halved rate.
    case rewind
    /// Training ends here.
    case stop
  }

  let patience: Int
  let maximumEpochs: Int
  /// The rate of the next epoch.
  private(set) var learningRate: Double
  private var stalls = 0
  /// Whether any epoch was decided on yet; the first scored epoch always improves.
  private var decided = false

  init(learningRate: Double, patience: Int, maximumEpochs: Int) {
    self.learningRate = learningRate
    self.patience = patience
    self.maximumEpochs = maximumEpochs
  }

  /// Records whether epoch `epoch` improved the best dev score, and decides.
  mutating func decide(epoch: Int, improved: Bool) -> Decision {
    decided = true
    if improved {
      stalls = 0
      return .goOn
    }
    stalls += 1
    if stalls > patience || epoch == maximumEpochs { return .stop }
    learningRate /= 2
    return .rewind
  }

  /// The earliest epoch after which training can stop, as seen during `epoch`: the one at
  /// which the stalls reach `patience + 1` if dev never improves again, or the maximum.
  ///
  /// Progress displays estimate the least time left from it, since the real end, a dev
  /// plateau, cannot be known in advance.
  func earliestLastEpoch(during epoch: Int) -> Int {
    let stallsNeeded = patience + 1 - stalls
    return min(maximumEpochs, epoch - 1 + (decided ? 0 : 1) + stallsNeeded)
  }
}
