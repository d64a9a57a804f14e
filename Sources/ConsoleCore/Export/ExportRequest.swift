/// What the export prompt holds while the operator chooses where to write.
public struct ExportPrompt: Sendable, Hashable {
    /// The path being typed.
    public var field: TextField
    /// The rows to write, taken when the prompt opened.
    public var table: ExportTable
    /// Set when the file exists and the operator is asked whether to replace it.
    public var askingToReplace: Bool

    /// A prompt proposing `path`.
    public init(path: String, table: ExportTable) {
        self.field = TextField(text: path, maxLength: 1024)
        self.table = table
        self.askingToReplace = false
    }
}

/// An export for the world to write (see ``ConsoleEffect/export(_:)``).
public struct ExportRequest: Sendable, Hashable {
    /// Where to write.
    public var path: String
    /// The rows.
    public var table: ExportTable
    /// The file format (by the path's extension).
    public var format: ExportFormat
    /// Replace an existing file (only after the operator said so).
    public var replace: Bool

    /// Creates a request.
    public init(path: String, table: ExportTable, format: ExportFormat, replace: Bool) {
        self.path = path
        self.table = table
        self.format = format
        self.replace = replace
    }
}

/// How writing an export ended.
public enum ExportOutcome: Sendable, Hashable {
    /// Written: the path and how many rows.
    case written(path: String, rows: Int)
    /// The file exists and replacing it was not asked for: nothing was written (the request, to ask and retry).
    case exists(ExportRequest)
    /// It could not be written; the reason.
    case failed(path: String, reason: String)
}
