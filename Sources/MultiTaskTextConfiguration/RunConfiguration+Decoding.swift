import Foundation
import MultiTaskText

extension RunConfiguration {
  /// The keys allowed at the top of a configuration file.
  static let topLevelKeys = ["tasks", "text", "model", "features", "training", "output"]

  /// Decodes and validates a whole document, resolving relative paths against
  /// `baseDirectory`.
  ///
  /// - Parameters:
  ///   - document: The parsed file, with overrides already applied.
  ///   - baseDirectory: The absolute folder of the configuration file.
  ///   - sourceName: The configuration file's path, for error messages and the default
  ///     output directory.
  init(
    document: ConfigurationValue, baseDirectory: String, sourceName: String
  ) throws(ConfigurationError) {
    let root = try ConfigurationObject(document, keyPath: "", sourceName: sourceName)
    try root.checkKeys(Self.topLevelKeys)
    let training = try TrainingConfiguration(decoding: root.object("training"))
    let pipeline = PipelineConfiguration(
      tasks: try TaskConfiguration.decodeList(
        in: root, baseDirectory: baseDirectory, skipsInvalid: training.skipInvalid),
      text: try TextConfiguration(decoding: root.object("text")),
      model: try ModelConfiguration(decoding: root.object("model")),
      features: try FeatureConfiguration(decoding: root.object("features")),
      training: training)
    self.init(
      pipeline: pipeline,
      output: try OutputConfiguration(
        decoding: root.object("output"), baseDirectory: baseDirectory))
  }

  /// `path` made absolute against `baseDirectory`, with `.` and `..` removed.
  static func resolve(_ path: String, against baseDirectory: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: baseDirectory, isDirectory: true).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }
}

extension ModelConfiguration {
  /// Decodes the `model` section.
  init(decoding object: ConfigurationObject) throws(ConfigurationError) {
    try object.checkKeys(["dimension", "privateBuckets"])
    self.init()
    if let buckets = try object.integer("privateBuckets") {
      try object.require(buckets >= 0, "privateBuckets", expected: "0 (off) or more")
      privateBuckets = buckets
    }
    if let dimension = try object.integer("dimension") {
      try object.require(dimension >= 1, "dimension", expected: "at least 1")
      try object.require(
        dimension <= Self.largestDimension, "dimension",
        expected: "at most \(Self.largestDimension)")
      self.dimension = dimension
    }
  }
}

extension OutputConfiguration {
  /// Decodes the `output` section; the directory defaults to `runs/<file name>`.
  init(decoding object: ConfigurationObject, baseDirectory: String) throws(ConfigurationError) {
    try object.checkKeys(["directory", "vocabularyCopy"])
    let fileName = URL(fileURLWithPath: object.sourceName).deletingPathExtension()
      .lastPathComponent
    let directory = try object.string("directory") ?? "runs/\(fileName)"
    try object.require(!directory.isEmpty, "directory", expected: "a path", found: "\"\"")
    self.init(
      directory: RunConfiguration.resolve(directory, against: baseDirectory),
      vocabularyCopy: try object.string("vocabularyCopy").map {
        RunConfiguration.resolve($0, against: baseDirectory)
      })
  }
}

extension TextConfiguration {
  /// Decodes the `text` section and its `normalizer` and `tokenizer` parts.
  init(decoding object: ConfigurationObject) throws(ConfigurationError) {
    try object.checkKeys(["normalizer", "tokenizer"])
    let normalizer = try object.object("normalizer")
    try normalizer.checkKeys(["form", "caseFolding", "stripsLatinAccents", "invalidUTF8"])
    let tokenizer = try object.object("tokenizer")
    try tokenizer.checkKeys([
      "dropsPunctuation", "dropsSymbols", "mapsNumbers", "urls", "emails", "locale",
    ])
    var settings = TextConfiguration()
    if let form = try normalizer.choice("form", of: TextNormalizer.Form.self) {
      settings.normalizer.form = form
    }
    if let caseFolding = try normalizer.bool("caseFolding") {
      settings.normalizer.caseFolding = caseFolding
    }
    if let strips = try normalizer.bool("stripsLatinAccents") {
      settings.normalizer.stripsLatinAccents = strips
    }
    if let policy = try normalizer.choice(
      "invalidUTF8", of: TextNormalizer.InvalidUTF8Policy.self)
    {
      settings.normalizer.invalidUTF8 = policy
    }
    if let drops = try tokenizer.bool("dropsPunctuation") {
      settings.tokenizer.dropsPunctuation = drops
    }
    if let drops = try tokenizer.bool("dropsSymbols") { settings.tokenizer.dropsSymbols = drops }
    if let maps = try tokenizer.bool("mapsNumbers") { settings.tokenizer.mapsNumbers = maps }
    if let urls = try tokenizer.choice("urls", of: Tokenizer.LinkHandling.self) {
      settings.tokenizer.urls = urls
    }
    if let emails = try tokenizer.choice("emails", of: Tokenizer.LinkHandling.self) {
      settings.tokenizer.emails = emails
    }
    if let locale = try tokenizer.string("locale") { settings.tokenizer.locale = locale }
    self = settings
  }
}
