import Foundation

/// Where a ``JSONScanner`` is in the document, for error messages: `nodes[3].gpus[1].util`.
enum JSONPathComponent {
    case key(StaticString)
    case index(Int)
}

/// A JSON syntax or type error, with the path where it happened (`(document)` for the root and
/// for syntax errors, which have no meaningful path).
struct JSONScanError: Error {
    var path: String
    var reason: String
}

/// A strict, pull-style JSON reader over UTF-8 bytes, for documents whose shape is known.
///
/// It exists because the registry document can hold 10,000 nodes of 8 GPUs (about 11 MB):
/// `JSONDecoder` took about 0.55 s and `JSONSerialization` about 1 s for it in a release build on
/// this machine, too slow for a 2 s refresh. Reading the known keys straight from the bytes is
/// an order of magnitude faster. The reader accepts exactly RFC 8259 JSON; unknown values are
/// skipped but still checked for syntax.
struct JSONScanner {
    /// The document (kept alive by the caller for the scanner's lifetime).
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var index = 0
    /// The current path; callers push and pop the keys and indices they step into.
    var path: [JSONPathComponent] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        path.reserveCapacity(8)
    }

    // MARK: - Errors

    /// The current path as text, e.g. `nodes[3].kind`.
    var pathText: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key.description
            case .index(let position):
                text += "[\(position)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }

    /// An error at the current path.
    func error(_ reason: String) -> JSONScanError {
        JSONScanError(path: pathText, reason: reason)
    }

    /// A syntax error: the path is meaningless then, the byte offset is not.
    func syntaxError() -> JSONScanError {
        if bytes.isEmpty { return JSONScanError(path: "(document)", reason: "the answer is empty") }
        if index >= bytes.count {
            return JSONScanError(path: "(document)", reason: "not valid JSON: cut short after \(bytes.count) bytes")
        }
        return JSONScanError(path: "(document)", reason: "not valid JSON at byte \(index)")
    }

    /// The error for a value of the wrong type: `expected a number`, or `…, got null`.
    private func mismatch(_ expected: String) -> JSONScanError {
        error(peekIsNull ? "expected \(expected), got null" : "expected \(expected)")
    }

    private var peekIsNull: Bool { index < bytes.count && bytes[index] == UInt8(ascii: "n") }

    // MARK: - Structure

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Checks the next value's first byte is a valid start, so a type error is not reported for
    /// what is really a syntax error (or the end of the data).
    mutating func checkValueStart() throws(JSONScanError) -> UInt8 {
        guard let byte = peek() else { throw syntaxError() }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return byte
        case UInt8(ascii: "n"):
            try literal("null")
            index -= 4
            return byte
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return byte
        default:
            throw syntaxError()
        }
    }

    /// Enters an object (`{`).
    mutating func beginObject() throws(JSONScanError) {
        guard try checkValueStart() == UInt8(ascii: "{") else { throw mismatch("an object") }
        index += 1
        firstMember = true
    }

    /// Enters an array (`[`).
    mutating func beginArray() throws(JSONScanError) {
        guard try checkValueStart() == UInt8(ascii: "[") else { throw mismatch("an array") }
        index += 1
        firstMember = true
    }

    private var firstMember = true

    /// Moves to the opening quote of the current object's next key: `false` (past the `}`) when the object ends.
    private mutating func atNextKey() throws(JSONScanError) -> Bool {
        guard let byte = peek() else { throw syntaxError() }
        if byte == UInt8(ascii: "}") {
            index += 1
            firstMember = false
            return false
        }
        if !firstMember {
            guard byte == UInt8(ascii: ",") else { throw syntaxError() }
            index += 1
            guard peek() == UInt8(ascii: "\"") else { throw syntaxError() }
        } else if byte != UInt8(ascii: "\"") {
            throw syntaxError()
        }
        firstMember = false
        return true
    }

    /// The next key of the current object, or `nil` after its `}`. Consumes the `:`.
    mutating func nextKey() throws(JSONScanError) -> String? {
        guard try atNextKey() else { return nil }
        let key = try stringValue()
        guard peek() == UInt8(ascii: ":") else { throw syntaxError() }
        index += 1
        return key
    }

    /// The next key of the current object as its position in `known`, -1 when it is none of them, or `nil` after
    /// the object's `}`. Consumes the `:`. A plain key is compared byte for byte without making a string (a
    /// registry document has some 700,000 keys); a key with escapes is decoded first.
    mutating func nextKey(in known: [StaticString]) throws(JSONScanError) -> Int? {
        guard try atNextKey() else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        var position = -1
        if end < bytes.count, bytes[end] == UInt8(ascii: "\""), let base = bytes.baseAddress {
            index = end + 1
            let length = end - start
            for (candidate, key) in known.enumerated()
            where key.utf8CodeUnitCount == length && memcmp(key.utf8Start, base + start, length) == 0 {
                position = candidate
                break
            }
        } else {
            let key = try stringValue()
            position = known.firstIndex { $0.description == key } ?? -1
        }
        guard peek() == UInt8(ascii: ":") else { throw syntaxError() }
        index += 1
        return position
    }

    /// Moves to the next element of the current array; `false` after its `]`.
    mutating func nextElement() throws(JSONScanError) -> Bool {
        guard let byte = peek() else { throw syntaxError() }
        if byte == UInt8(ascii: "]") {
            index += 1
            firstMember = false
            return false
        }
        if !firstMember {
            guard byte == UInt8(ascii: ",") else { throw syntaxError() }
            index += 1
        }
        firstMember = false
        return true
    }

    /// Marks that a member value was read, so the next key or element needs a comma.
    mutating func endValue() { firstMember = false }

    /// Checks nothing but white space follows the document.
    mutating func end() throws(JSONScanError) {
        guard peek() == nil else { throw syntaxError() }
    }

    // MARK: - Values

    /// Reads a string.
    mutating func readString() throws(JSONScanError) -> String {
        guard try checkValueStart() == UInt8(ascii: "\"") else { throw mismatch("a string") }
        defer { endValue() }
        return try stringValue()
    }

    /// Reads a string, giving back `previous` itself when the string is the same (the model names of 80,000 GPUs
    /// are a handful of values: one string each instead of 80,000).
    mutating func readString(reusing previous: String?) throws(JSONScanError) -> String {
        guard var text = previous, let base = bytes.baseAddress else { return try readString() }
        guard try checkValueStart() == UInt8(ascii: "\"") else { throw mismatch("a string") }
        let start = index + 1
        let length = text.utf8.count
        if start + length < bytes.count, bytes[start + length] == UInt8(ascii: "\""),
           text.withUTF8({ utf8 in utf8.baseAddress.map { memcmp($0, base + start, length) == 0 } ?? (length == 0) }),
           !UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
               .contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            index = start + length + 1
            endValue()
            return previous ?? text
        }
        return try readString()
    }

    /// Reads a string and hands its raw UTF-8 (no escapes allowed) to `body`; `nil` when the string
    /// has escapes. For timestamps, which never need any.
    mutating func readPlainString<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T?) throws(JSONScanError) -> T? {
        guard try checkValueStart() == UInt8(ascii: "\"") else { throw mismatch("a string") }
        defer { endValue() }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        _ = try stringValue()  // escapes or a syntax error: read it properly, then say no
        return nil
    }

    /// Reads a number; one too large for a `Double` (`1e999`, which would read as infinity) is refused.
    mutating func readDouble() throws(JSONScanError) -> Double {
        let byte = try checkValueStart()
        guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
            throw mismatch("a number")
        }
        defer { endValue() }
        let value = try numberValue()
        guard value.isFinite else { throw error("expected a number, got one too large to hold") }
        return value
    }

    /// Reads a number that must be whole.
    mutating func readInt() throws(JSONScanError) -> Int {
        let byte = try checkValueStart()
        guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
            throw mismatch("a whole number")
        }
        defer { endValue() }
        let value = try numberValue()
        guard value == value.rounded(), abs(value) < 9e15 else { throw error("expected a whole number") }
        return Int(value)
    }

    /// The deepest nesting of arrays and objects ``skipValue()`` goes into. A registry's unknown fields are never
    /// that deep; a hostile answer of 100,000 `[` would otherwise overflow the poller thread's stack.
    static let maxSkipDepth = 128

    /// Skips any value, checking its syntax.
    mutating func skipValue() throws(JSONScanError) {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws(JSONScanError) {
        guard depth < Self.maxSkipDepth else {
            throw error("nested deeper than \(Self.maxSkipDepth) arrays or objects; refusing to read further")
        }
        defer { endValue() }
        switch try checkValueStart() {
        case UInt8(ascii: "{"):
            index += 1
            firstMember = true
            while try nextKey() != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            firstMember = true
            while try nextElement() { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try stringValue()
        case UInt8(ascii: "t"):
            try literal("true")
        case UInt8(ascii: "f"):
            try literal("false")
        case UInt8(ascii: "n"):
            try literal("null")
        default:
            _ = try numberValue()
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONScanError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { index = bytes.count; throw syntaxError() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            index += offset
            throw syntaxError()
        }
        index += count
    }
}
