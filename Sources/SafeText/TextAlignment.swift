/// Where text sits inside a wider space.
public enum TextAlignment: Sendable, Hashable, CaseIterable {
    /// Text starts at the left edge; padding goes to the right.
    case left
    /// Text ends at the right edge; padding goes to the left.
    case right
    /// Text is centred; when the padding is odd, the extra column goes to the right.
    case center
}
