import Testing

@testable import MultiTaskText

/// Automatic epochs halve the rate on each plateau and stop after `patience` in a row.
struct PlateauScheduleTests {
  @Test func plateausHalveTheRateAndStopAfterPatience() {
    var schedule = PlateauSchedule(learningRate: 0.1, patience: 2, maximumEpochs: 30)
    #expect(schedule.decide(epoch: 1, improved: true) == .goOn)
    #expect(schedule.decide(epoch: 2, improved: false) == .rewind)
    #expect(schedule.learningRate == 0.05)
    #expect(schedule.decide(epoch: 3, improved: true) == .goOn)
    #expect(schedule.decide(epoch: 4, improved: false) == .rewind)
    #expect(schedule.decide(epoch: 5, improved: false) == .rewind)
    #expect(schedule.learningRate == 0.0125)
    #expect(schedule.decide(epoch: 6, improved: false) == .stop)
  }

  @Test func theLastAllowedEpochStops() {
    var schedule = PlateauSchedule(learningRate: 0.1, patience: 5, maximumEpochs: 3)
    #expect(schedule.decide(epoch: 2, improved: true) == .goOn)
    #expect(schedule.decide(epoch: 3, improved: false) == .stop)
  }
}
