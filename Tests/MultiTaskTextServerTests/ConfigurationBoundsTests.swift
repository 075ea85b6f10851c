import Testing

@testable import MultiTaskTextServer

/// Settings given in code rather than on the command line cannot trap the server either.
struct ConfigurationBoundsTests {
  @Test(arguments: [
    (Double.nan, 0.0, Duration.zero), (Double.infinity, 0.0, Duration.seconds(86_400)),
    (-1, 0.0, .zero), (2.5, 0.0, .milliseconds(2_500)), (0, 0.001, .milliseconds(1)),
  ])
  func secondsBecomeABoundedDuration(_ seconds: Double, _ least: Double, _ expected: Duration) {
    #expect(ModelServer.duration(seconds: seconds, least: least) == expected)
  }

  @Test func aHugeQueueDepthSaturates() {
    #expect(PredictionQueue(workers: 2, waiting: Int.max).capacity == Int.max)
    #expect(PredictionQueue(workers: 2, waiting: -5).capacity == 2)
  }
}
