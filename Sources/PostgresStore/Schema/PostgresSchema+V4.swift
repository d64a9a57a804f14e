extension PostgresSchema {
    /// Version 4 (`v4-gpu-sort`): the runs list sorts by requested GPUs too, through an index like every other
    /// sortable column (the run's id breaks ties).
    static let v4 = """
        CREATE INDEX runs_by_gpus ON runs(gpus, id);
        """
}
