import Foundation
import Testing
@testable import TerminalNCurses

/// The backend's own measurements and OSC 52 encoding, without a terminal.
@Suite("Backend: output counting and clipboard")
struct ComfortBackendTests {
    @Test("base64 as RFC 4648 says")
    func base64() {
        func encoded(_ text: String) -> String { String(decoding: NCursesTerminal.base64(Array(text.utf8)), as: UTF8.self) }
        #expect(encoded("R-190233") == Data("R-190233".utf8).base64EncodedString())
        #expect(encoded("A") == "QQ==")
        #expect(encoded("AB") == "QUI=")
        #expect(encoded("ABC") == "QUJD")
        #expect(encoded("") == "")
    }

    @Test("the per-thread write counter reads wchar and grows with what this thread writes")
    func counter() throws {
        #expect(ThreadOutputCounter.parse(ArraySlice(Array("rchar: 10\nwchar: 4242\nsyscr: 1\n".utf8))) == 4242)
        #expect(ThreadOutputCounter.parse(ArraySlice(Array("rchar: 10\n".utf8))) == nil)
        let before = try #require(ThreadOutputCounter.written())
        let fd = open("/dev/null", O_WRONLY)
        defer { close(fd) }
        let bytes = [UInt8](repeating: 65, count: 10_000)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let after = try #require(ThreadOutputCounter.written())
        #expect(after - before >= 10_000)
    }
}
