extension StyledLine.Part {
    /// `count` spaces in the normal style, between the groups of a chrome line.
    static func gap(_ count: Int) -> StyledLine.Part { StyledLine.Part(String(repeating: " ", count: max(0, count))) }
}
