import Testing

/// Groups the Corpus folder's suites, so `swift test --filter Corpus` runs exactly them.
@Suite("Corpus")
enum CorpusTests {}
