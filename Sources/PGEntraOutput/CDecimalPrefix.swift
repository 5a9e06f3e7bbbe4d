/// The decimal number at the start of a text as C's strtol and strtoul read it with base 10
/// (glibc): leading white space, an optional sign, then digits until the first other byte. psql
/// reads numbers with atoi (`\pset` values) and atooid (`\lo_export OID`), both built on these.
package struct CDecimalPrefix {
    var negative = false
    /// The digits' value; meaningless when `overflowed`.
    var magnitude: UInt64 = 0
    /// More digits than fit in 64 bits: strtol and strtoul saturate.
    var overflowed = false

    package init(_ text: String) {
        var bytes = text.utf8[...]
        while let first = bytes.first, first == 0x20 || (0x09...0x0D).contains(first) { bytes = bytes.dropFirst() }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if o1 || o2 { overflowed = true }
            magnitude = sum
        }
    }

    /// C's `atoi`: `(int) strtol(text, NULL, 10)`, saturated to 64 bits, then cut to 32.
    var atoi: Int32 {
        let long: Int64
        if negative {
            long = overflowed || magnitude > UInt64(Int64.max) + 1 ? Int64.min : Int64(bitPattern: 0 &- magnitude)
        } else {
            long = overflowed || magnitude > UInt64(Int64.max) ? Int64.max : Int64(magnitude)
        }
        return Int32(truncatingIfNeeded: long)
    }

    /// psql's atooid: `(Oid) strtoul(text, NULL, 10)`, saturated to 64 bits (a minus sign
    /// negates in unsigned arithmetic), then cut to 32.
    package var atooid: UInt32 {
        let value = overflowed ? UInt64.max : (negative ? 0 &- magnitude : magnitude)
        return UInt32(truncatingIfNeeded: value)
    }
}
