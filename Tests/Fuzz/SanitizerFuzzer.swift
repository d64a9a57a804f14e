// libFuzzer entry point for the text sanitiser, built by Tests/scripts/fuzz-sanitizer.sh (`make fuzz`) with
// `swiftc -sanitize=fuzzer,address` together with Sources/SafeText. Not part of the Swift package.
//
// For any bytes: the sanitised line holds only safe scalars, sanitising it again changes nothing, it is never
// longer than its cap, and the ASCII form is printable ASCII.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let limit = size == 0 ? 0 : Int(bytes[0]) * 4
    for charset in [TerminalCharset.utf8, .ascii] {
        let line = Sanitizer.line(bytes: bytes, charset: charset)
        for scalar in line.unicodeScalars where !Sanitizer.isSafe(scalar) {
            fatalError("an unsafe scalar U+\(String(scalar.value, radix: 16)) survived in a line")
        }
        if Sanitizer.line(line, charset: charset) != line { fatalError("sanitising a line twice changed it") }
        if charset == .ascii, !line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            fatalError("the ASCII line holds more than printable ASCII")
        }
        let capped = Sanitizer.line(bytes: bytes, charset: charset, maxScalars: limit)
        if capped.unicodeScalars.count > limit { fatalError("the cap of \(limit) scalars did not hold") }
        let text = String(decoding: bytes, as: UTF8.self)
        let paragraph = Sanitizer.paragraph(text, charset: charset)
        for scalar in paragraph.unicodeScalars where scalar != "\n" && !Sanitizer.isSafe(scalar) {
            fatalError("an unsafe scalar U+\(String(scalar.value, radix: 16)) survived in a paragraph")
        }
    }
    return 0
}
