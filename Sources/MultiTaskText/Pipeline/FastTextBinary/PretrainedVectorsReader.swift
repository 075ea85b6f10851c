/// Reads pretrained vectors in either format fastText users have: a `.vec` text file, or a
/// `.bin` model, told apart by the `.bin` file's magic number rather than the name.
enum PretrainedVectorsReader {
  /// The starting rows the file at `path` gives a model over `vocabulary` and `features`.
  ///
  /// A `.vec` file starts the vocabulary's word rows; a `.bin` file starts them too, for words
  /// it lacks from their character n-grams, and also the character n-gram buckets (see
  /// ``FastTextBinaryVectors``).
  ///
  /// - Throws: ``PretrainedVectorsError`` naming the file.
  static func read(
    path: String, dimension: Int, vocabulary: Vocabulary, features: FeatureConfiguration
  ) throws(PretrainedVectorsError) -> InitialVectors {
    if FastTextBinaryFile.hasMagic(path: path) {
      return try FastTextBinaryVectors.read(
        path: path, dimension: dimension, vocabulary: vocabulary, features: features)
    }
    return try PretrainedVectorsFile.read(path: path, dimension: dimension, vocabulary: vocabulary)
  }
}
