import Foundation

/// Checks on the raw bytes a program wrote to a terminal.
enum TerminalBytes {
    /// What is wrong with `output`: not UTF-8, an OSC or DCS sequence (ncurses never writes either), a C1 control,
    /// a bidi or zero-width character, or a field label followed by its injected control sequence.
    static func problems(in output: [UInt8], labels: [String]) -> [String] {
        var problems: [String] = []
        if String(validating: output, as: UTF8.self) == nil { problems.append("the output is not valid UTF-8") }
        let slice = output[...]
        for (name, sequence) in [("OSC (ESC ])", [0x1B, 0x5D]), ("DCS (ESC P)", [0x1B, 0x50]), ("RIS (ESC c)", [0x1B, 0x63])] as [(String, [UInt8])] {
            if let range = PseudoTerminal.firstRange(of: sequence, in: slice) {
                problems.append("\(name) at byte \(range.lowerBound): \(context(output, range))")
            }
        }
        for (name, bytes) in Hostile.forbiddenAnywhere {
            if let range = PseudoTerminal.firstRange(of: bytes, in: slice) {
                problems.append("\(name) at byte \(range.lowerBound): \(context(output, range))")
            }
        }
        for label in labels {
            for injection in Hostile.injections(label) {
                if let range = PseudoTerminal.firstRange(of: injection, in: slice) {
                    problems.append("injected \(label) sequence at byte \(range.lowerBound): \(context(output, range))")
                }
            }
        }
        return problems
    }

    private static func context(_ output: [UInt8], _ range: Range<Int>) -> String {
        let window = output[max(0, range.lowerBound - 20)..<min(output.count, range.upperBound + 20)]
        return String(decoding: window, as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
