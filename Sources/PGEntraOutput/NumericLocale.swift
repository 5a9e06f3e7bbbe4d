/// `\pset numericlocale on` (psql's `format_numeric_locale`): groups the integer digits of values
/// in right-aligned columns. psql takes the separators from the C library's locale; pgentra uses
/// what psql shows under the C and C.UTF-8 locales (`,` every 3 digits, `.` decimal point),
/// which is also what most English locales give.
struct NumericLocale: Sendable {
    var decimalPoint: [UInt8] = [UInt8(ascii: ".")]
    var thousandsSeparator: [UInt8] = [UInt8(ascii: ",")]
    var groupDigits = 3

    static let c = NumericLocale()

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "+")
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "e")
            || b == UInt8(ascii: "E")
    }

    /// Appends the localized form of `value` to `output`; text that does not look like a
    /// number (money's `$1.50`) is copied unchanged, as psql does.
    func format(_ value: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        guard value.allSatisfy(Self.isNumberByte) else {
            output.append(contentsOf: value)
            return
        }
        var i = 0
        if i < value.count && (value[i] == UInt8(ascii: "-") || value[i] == UInt8(ascii: "+")) {
            output.append(value[i])
            i += 1
        }
        var integerDigits = 0
        while i + integerDigits < value.count,
            value[i + integerDigits] >= UInt8(ascii: "0") && value[i + integerDigits] <= UInt8(ascii: "9")
        {
            integerDigits += 1
        }
        var leading = integerDigits % groupDigits
        if leading == 0 { leading = groupDigits }
        for k in 0..<integerDigits {
            if k > 0 {
                leading -= 1
                if leading == 0 {
                    output.append(contentsOf: thousandsSeparator)
                    leading = groupDigits
                }
            }
            output.append(value[i + k])
        }
        i += integerDigits
        if i < value.count && value[i] == UInt8(ascii: ".") {
            output.append(contentsOf: decimalPoint)
            i += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: value[i...]))
    }
}
