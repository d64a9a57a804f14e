/// The version of the job store's schema, shared by every backend.
public enum JobStoreSchema {
    /// The schema version this build creates and upgrades stores to.
    public static var version: Int { SQLiteSchema.currentVersion }

    /// The identifiers of the migrations this build knows, oldest first; every backend applies the same ones.
    public static var migrationIDs: [String] { SQLiteSchema.migrationIDs }
}
