import ConsoleCore

/// A text field line inside a ``DialogBox``: a label and the field.
public struct DialogField: Sendable, Hashable {
    /// The text before the field, such as `Reason (optional):`.
    public var label: String
    /// The field's content and cursor.
    public var field: TextField
    /// Whether the field has the keyboard focus.
    public var isFocused: Bool

    /// A labelled field.
    public init(label: String, field: TextField, isFocused: Bool) {
        self.label = label
        self.field = field
        self.isFocused = isFocused
    }
}

/// Where a drawn ``DialogBox`` put its parts.
public struct DialogLayout: Sendable, Hashable {
    /// The whole box, border included.
    public var box: Rect
    /// The body text area.
    public var body: Rect
    /// The field's input area (after its label), if the dialog has a field.
    public var field: Rect?
    /// Each button, in order.
    public var buttons: [Rect]
    /// The screen position of the field's cursor when the field has the focus.
    public var cursor: Point?
}
