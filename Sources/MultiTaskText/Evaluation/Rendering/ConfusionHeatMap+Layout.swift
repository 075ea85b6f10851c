extension ConfusionHeatMap {
  /// Sizes for a heat map of a given shape, in SVG user units (pixels at 100% zoom).
  struct Layout {
    /// Row labels are cut to this many display columns (wide characters count 2).
    static let rowLabelColumns = 26
    /// Column labels are cut to this many.
    static let columnLabelColumns = 18
    /// An estimate of one display column's width at the 12 px label size.
    static let columnPixels = 6.8

    let cell: Double
    let countFont: Double
    let shareFont: Double
    let rotated: Bool
    let left: Double
    let top: Double
    let width: Double
    let height: Double

    init(_ matrix: CondensedConfusion) {
      let size = max(matrix.rows.count, matrix.columns.count)
      switch size {
      case ...4: (cell, countFont, shareFont) = (76, 15, 11)
      case ...8: (cell, countFont, shareFont) = (60, 14, 10.5)
      case ...13: (cell, countFont, shareFont) = (48, 12.5, 9.5)
      default: (cell, countFont, shareFont) = (40, 11.5, 8.5)
      }
      let rowLabel =
        matrix.rows.map { min(DisplayWidth.of($0.name), Self.rowLabelColumns) }.max() ?? 0
      let columnLabel =
        matrix.columns.map {
          min(DisplayWidth.of(ConfusionHeatMap.shortName($0)), Self.columnLabelColumns)
        }
        .max() ?? 0
      rotated = Double(columnLabel) * Self.columnPixels > cell - 6
      let columnLabelHeight = rotated ? Double(columnLabel) * Self.columnPixels * 0.72 + 14 : 20
      left = 30 + Double(rowLabel) * Self.columnPixels + 12
      top = 28 + columnLabelHeight
      let rightOverhang = rotated ? Double(columnLabel) * Self.columnPixels * 0.72 - cell / 2 : 0
      width = left + Double(matrix.columns.count) * cell + max(56, rightOverhang + 8)
      height = top + Double(matrix.rows.count) * cell + 8
    }
  }
}
