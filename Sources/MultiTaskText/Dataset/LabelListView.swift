/// A borrowed view of a set's multi-label lists, for one training slice: list `k` holds
/// `values[offsets[k]..<offsets[k + 1]]`, sorted label ids.
///
/// Valid only inside the `withUnsafeBufferPointer` calls that made it, which span the whole
/// slice; the worker never keeps it.
struct LabelListView {
  /// Every list's label ids, one list after another.
  let values: UnsafeBufferPointer<Int32>
  /// Where each list starts, with a final end offset.
  let offsets: UnsafeBufferPointer<Int>

  /// No lists: what a set without multi-label tasks passes.
  static var empty: LabelListView {
    LabelListView(
      values: UnsafeBufferPointer(start: nil, count: 0),
      offsets: UnsafeBufferPointer(start: nil, count: 0))
  }

  /// The label ids of list `list`.
  @inline(__always)
  func list(_ list: Int32) -> UnsafeBufferPointer<Int32> {
    let index = Int(list)
    return UnsafeBufferPointer(rebasing: values[offsets[index]..<offsets[index + 1]])
  }
}
