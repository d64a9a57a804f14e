extension SQLiteSchema {
    /// Version 4 (`v4-gpu-sort`): the runs list sorts by requested GPUs too, through an index like every other
    /// sortable column (the run's id, its rowid, breaks ties within the index).
    static let v4 = """
        CREATE INDEX runs_by_gpus ON runs(gpus);
        """
}
