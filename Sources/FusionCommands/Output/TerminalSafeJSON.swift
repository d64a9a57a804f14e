import SafeText

/// JSON text that cannot act on a terminal it is printed to.
///
/// JSON encoders escape only C0 controls; DEL, C1 controls (U+009B is a one-character CSI), bidi overrides and
/// isolates, zero-width characters and line separators pass through raw, and `fusion-console runs --json` on a
/// terminal would send them to it. Every scalar the sanitiser would not let through is written as a `\uXXXX`
/// escape (a surrogate pair above U+FFFF) instead. JSON's structure is ASCII, so such scalars only occur inside
/// strings, where the escape stands for the same character: a parser reads back exactly the original text.
enum TerminalSafeJSON {
    /// `json` with every unsafe non-ASCII scalar (and DEL) escaped. White space between tokens is left alone.
    static func escaping(_ json: String) -> String {
        guard json.utf8.contains(where: { $0 >= 0x7F }) else { return json }
        // Built as bytes: appending to a `String.UnicodeScalarView` one scalar at a time is far too slow for a
        // multi-megabyte answer.
        var output: [UInt8] = []
        output.reserveCapacity(json.utf8.count + json.utf8.count / 8)
        for scalar in json.unicodeScalars {
            if scalar.value < 0x7F {
                output.append(UInt8(scalar.value))
            } else if Sanitizer.isSafe(scalar) {
                UTF8.encode(scalar) { output.append($0) }
            } else {
                output.append(contentsOf: escape(scalar).utf8)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `\uXXXX`, or the surrogate pair of a scalar above the Basic Multilingual Plane.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        func unit(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        guard scalar.value > 0xFFFF else { return unit(scalar.value) }
        let offset = scalar.value - 0x10000
        return unit(0xD800 + (offset >> 10)) + unit(0xDC00 + (offset & 0x3FF))
    }
}
