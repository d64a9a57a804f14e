import Testing
@testable import FactorySimulator

@Suite("Listen address")
struct ListenAddressTests {
    @Test("loopback forms are accepted", arguments: [
        ("127.0.0.1:8787", "127.0.0.1", UInt16(8787), false),
        ("localhost:9000", "127.0.0.1", 9000, false),
        ("8788", "127.0.0.1", 8788, false),
        ("[::1]:8787", "::1", 8787, true),
        ("127.0.0.1:0", "127.0.0.1", 0, false),
    ])
    func accepted(text: String, host: String, port: UInt16, ipv6: Bool) throws {
        let address = try ListenAddress.parse(text)
        #expect(address.host == host && address.port == port && address.isIPv6 == ipv6)
        #expect(address.isLoopback)
    }

    @Test("another address is accepted but is not loopback")
    func otherAddress() throws {
        let address = try ListenAddress.parse("10.1.2.3:8787")
        #expect(!address.isLoopback)
        #expect(address.description == "10.1.2.3:8787")
    }

    @Test("malformed addresses are refused with a hint", arguments: [
        "127.0.0.1:65536", "127.0.0.1:", "127.0.0.1:80a", "registry.fusion:8787", "::1:8787", "[::1]", "300.1.1.1:80", "",
    ])
    func refused(text: String) {
        #expect(throws: SimulatorError.self) { try ListenAddress.parse(text) }
        do {
            _ = try ListenAddress.parse(text)
        } catch {
            #expect(error.kind == .listen)
            #expect(error.message.contains("--listen"))
        }
    }
}
