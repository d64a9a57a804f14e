import Foundation

/// The rule for the reasons operators give: required for reject, cancel and reroute, optional for approve.
public enum ReasonRule {
    /// The longest reason accepted, in characters.
    public static let maxLength = 500

    /// Returns the reason trimmed, or nil when it is absent and optional; throws `.invalidInput` when a required
    /// reason is missing or blank, too long, or holds control characters (newlines included).
    public static func validate(_ reason: String?, required: Bool) throws(ActionError) -> String? {
        let trimmed = reason?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty {
            if required {
                throw .invalidInput("A reason is required: say why in a few words (--reason \"…\").")
            }
            return nil
        }
        if trimmed.count > maxLength {
            throw .invalidInput("The reason is \(trimmed.count) characters long; keep it to \(maxLength).")
        }
        if trimmed.unicodeScalars.contains(where: isRefused) {
            throw .invalidInput("The reason holds control or invisible characters; type it as plain text on one line.")
        }
        return trimmed
    }

    /// Controls (C0, DEL, C1), line and paragraph separators, bidi controls and zero-width characters.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0x061C: true
        default: scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
        }
    }
}
