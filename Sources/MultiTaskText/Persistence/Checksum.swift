/// A 32-bit cyclic redundancy check, to detect files damaged on disk or in transit.
///
/// Two polynomials are offered: CRC-32C (Castagnoli), which our files use because it
/// detects more error patterns than the IEEE polynomial at the same cost, and CRC-32 (IEEE),
/// the one in zip and PNG, for comparing with outside tools. Both use reflected bit order,
/// an initial value of all ones and a final complement.
///
/// ```swift
/// var checksum = Checksum(.castagnoli)
/// checksum.update(with: Array("123456789".utf8))
/// checksum.value  // 0xe3069283
/// ```
public struct Checksum: Sendable, Equatable {
  /// The generator polynomial.
  public enum Polynomial: Sendable, Equatable {
    /// CRC-32C, reflected polynomial 0x82F63B78.
    case castagnoli
    /// CRC-32 as in zip, PNG and Ethernet, reflected polynomial 0xEDB88320.
    case ieee

    var reflected: UInt32 {
      switch self {
      case .castagnoli: return 0x82F6_3B78
      case .ieee: return 0xEDB8_8320
      }
    }
  }

  /// The polynomial in use.
  public let polynomial: Polynomial
  private var state: UInt32 = 0xFFFF_FFFF

  // Immutable lookup tables, built once on first use: table k advances a byte k places.
  private static let castagnoliTables = makeTables(Polynomial.castagnoli.reflected)
  private static let ieeeTables = makeTables(Polynomial.ieee.reflected)

  /// Starts a checksum of no bytes.
  public init(_ polynomial: Polynomial = .castagnoli) {
    self.polynomial = polynomial
  }

  /// The checksum of the bytes so far.
  public var value: UInt32 { ~state }

  /// Adds bytes to the checksum; feeding a buffer in pieces gives the same value as whole.
  ///
  /// Contiguous bytes take a slicing-by-8 path (eight bytes per step through eight tables),
  /// which checks a model file several times faster than one table lookup per byte.
  public mutating func update(with bytes: some Sequence<UInt8>) {
    let tables = polynomial == .castagnoli ? Self.castagnoliTables : Self.ieeeTables
    if let crc = bytes.withContiguousStorageIfAvailable({ Self.update(state, $0, tables) }) {
      state = crc
      return
    }
    var crc = state
    for byte in bytes {
      crc = tables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    state = crc
  }

  private static func update(
    _ initial: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ tables: [UInt32]
  ) -> UInt32 {
    var crc = initial
    tables.withUnsafeBufferPointer { table in
      var index = 0
      let count = bytes.count
      while index + 8 <= count {
        let low =
          crc
          ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
        let high =
          UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8
          | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    return crc
  }

  /// Returns the checksum of `bytes`.
  public static func of(_ bytes: some Sequence<UInt8>, polynomial: Polynomial = .castagnoli)
    -> UInt32
  {
    var checksum = Checksum(polynomial)
    checksum.update(with: bytes)
    return checksum.value
  }

  private static func makeTables(_ reflected: UInt32) -> [UInt32] {
    var tables = (0..<256).map { index -> UInt32 in
      var crc = UInt32(index)
      for _ in 0..<8 {
        crc = crc & 1 == 1 ? (crc >> 1) ^ reflected : crc >> 1
      }
      return crc
    }
    for slice in 1..<8 {
      for index in 0..<256 {
        let previous = tables[(slice - 1) * 256 + index]
        tables.append(tables[Int(previous & 0xFF)] ^ (previous >> 8))
      }
    }
    return tables
  }
}
