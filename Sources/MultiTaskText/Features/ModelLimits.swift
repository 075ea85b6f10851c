/// The largest model the format holds, shared by everything that makes a model and
/// everything that reads one, so that a model `mtl train` writes is always one `mtl` reads.
///
/// Before these were shared, training accepted `features.buckets` up to 2^31 − 1 while the
/// reader refused more than 2^28 rows: a run exited 0, replaced the previous model, and left
/// one that nothing could load. Configuration checks these bounds before any work; the
/// reader checks them before it allocates anything, so a small file that declares a huge
/// model is refused at the cost of its own size.
public enum ModelLimits {
  /// The most embedding rows (vocabulary words plus buckets): 2^28, far beyond any real
  /// vocabulary plus fastText's 2M default buckets.
  public static let maximumRows = 1 << 28
  /// The most buckets a configuration may ask for, half of ``maximumRows`` so that the
  /// vocabulary, known only after reading, has the other half.
  public static let maximumBuckets = maximumRows / 2
  /// The largest embedding dimension.
  public static let maximumDimension = 4096
  /// The most embedding values (rows × dimension) of the shared table, or of one task's
  /// private table: 2^36 floats, 256 GiB if every row were stored.
  public static let maximumValues = 1 << 36
  /// The most sections one file may hold: a manifest, a vocabulary, the embeddings, and a
  /// head and a private table per task leave ample room for sections of later versions.
  public static let maximumSections = 1 << 16
  /// The widest product-quantization sub-vector. Each stored row then takes at least
  /// dimension ÷ 16 code bytes, so decoding a quantized table costs at most 64 times the
  /// bytes of its codes: memory in proportion to the file.
  public static let maximumSubvectorDimension = 16

  /// Why a shape exceeds the limits, or nil when it fits.
  ///
  /// - Parameters:
  ///   - rows: Embedding rows (vocabulary plus buckets).
  ///   - dimension: The embedding dimension.
  /// - Returns: A clause for a message, such as "2^28 rows at most, found 300000100".
  public static func problem(rows: Int, dimension: Int) -> String? {
    if dimension < 1 || dimension > maximumDimension {
      return "the dimension must be 1–\(maximumDimension), found \(dimension)"
    }
    if rows < 0 || rows > maximumRows {
      return "a model holds at most \(maximumRows) embedding rows (vocabulary plus buckets), "
        + "found \(rows)"
    }
    let (values, overflow) = rows.multipliedReportingOverflow(by: dimension)
    if overflow || values > maximumValues {
      return "a model holds at most \(maximumValues) embedding values (rows × dimension), "
        + "found \(rows) × \(dimension)"
    }
    return nil
  }
}
