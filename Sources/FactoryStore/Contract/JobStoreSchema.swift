/// Facts about the job store's schema that this build knows.
public enum JobStoreSchema {
    /// The schema version this build creates and upgrades stores to.
    public static var version: Int { SQLiteSchema.currentVersion }
}
