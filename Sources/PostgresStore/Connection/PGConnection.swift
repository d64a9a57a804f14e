import CLibPQ
import Foundation

/// One libpq connection. Not safe to share between threads: its owner (``PGSession`` or the change listener)
/// serialises every use. Every value travels as a bound parameter of `PQexecParams`, never inside the SQL text.
final class PGConnection {
    private let handle: OpaquePointer
    /// Privileges looked up once per connection (see ``mayLock(_:)``).
    private var lockable: [String: Bool] = [:]

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQfinish(handle)
    }

    /// Connects, or throws libpq's reason (unreachable, refused, authentication, no such database).
    static func open(_ info: ConnectionInfo) throws(PGError) -> PGConnection {
        let parameters = info.parameters
        let keywords = parameters.map { strdup($0.0) }
        let values = parameters.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let keywordList: [UnsafePointer<CChar>?] = keywords.map { UnsafePointer($0) } + [nil]
        let valueList: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
        guard let handle = PQconnectdbParams(keywordList, valueList, 1) else {
            throw PGError(message: "out of memory while connecting", connectionLost: true)
        }
        let connection = PGConnection(handle: handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PGError(message: String(cString: PQerrorMessage(handle)), connectionLost: true)
        }
        fusion_pq_silence_notices(handle)
        return connection
    }

    /// True when the connection is gone (the server closed it, the network failed).
    var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// The socket, for waiting on notifications with `poll(2)`.
    var socket: Int32 { PQsocket(handle) }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` (text format; nil is NULL).
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = []) throws(PGError) -> PGRows {
        if parameters.contains(where: { $0?.utf8.contains(0) == true }) { throw PGError.nulCharacter() }
        let copies = parameters.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        let result = PQexecParams(handle, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
        return try PGRows.take(result, from: handle)
    }

    /// Runs fixed SQL text holding no value from outside (schema, `BEGIN`, `COMMIT`); may hold several
    /// statements, and returns the last one's result.
    @discardableResult
    func script(_ sql: String) throws(PGError) -> PGRows {
        try PGRows.take(PQexec(handle, sql), from: handle)
    }

    /// Reads what the server sent; false when the connection failed.
    func consumeInput() -> Bool { PQconsumeInput(handle) == 1 }

    /// Takes the notifications received so far: (channel, payload) pairs.
    func takeNotifications() -> [(channel: String, payload: String)] {
        var taken: [(String, String)] = []
        while let notice = PQnotifies(handle) {
            taken.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return taken
    }

    /// Whether `SELECT … FOR UPDATE` on `table` is allowed to this account (it needs an UPDATE privilege): a
    /// viewer's read for an action it will be refused must not fail on the lock. Looked up once.
    func mayLock(_ table: String) throws(PGError) -> Bool {
        if let known = lockable[table] { return known }
        let allowed = try query("SELECT has_any_column_privilege($1::regclass, 'UPDATE') AS allowed", [table]).first?.bool("allowed") ?? false
        lockable[table] = allowed
        return allowed
    }
}
