/// The short texts operators, supervisors and the runtime write in the demo: why a run failed, why it was
/// cancelled or moved, why a decision went one way. Placeholders as in ``DemoTemplate``, plus `{node}`, `{to}`
/// and `{from}` filled by the planner.
enum DemoWords {
    static let failures: [String] = [
        "CUDA out of memory on {node} (GPU {k})",
        "node {node} stopped sending heartbeats",
        "NCCL timeout after 1800 s between {node} and its peers",
        "exit code 137: host memory exhausted on {node}",
        "dataset checksum mismatch (lot {lot})",
        "time limit exceeded ({h} h)",
        "input validation failed: {n} rows with an invalid commune code",
        "model registry unreachable from {node}",
        "checkpoint write failed: quota exceeded on the project volume",
    ]

    static let edgeFailures: [String] = [
        "edge link down: {node} unreachable for {n} min",
        "disk full on {node}",
        "power cut at the site hosting {node}",
    ]

    static let cancelReasons: [String] = [
        "runaway: {k} times its usual duration",
        "stale input: lot {lot} was replaced",
        "project lead asked to stop it",
        "holds {k} GPUs idle for 40 min",
        "duplicate of a run submitted minutes earlier",
        "maintenance window on {from}",
        "superseded by a corrected run",
    ]

    static let rerouteReasons: [String] = [
        "spare capacity on {to}",
        "cooling alarm in hall {k} of {from}: move off the pool",
        "node {node} degraded (ECC errors), free {from}",
        "maintenance on {from} tonight",
        "keep {from} free for the training window",
    ]

    static let queuedRerouteReasons: [String] = [
        "queue on {from} is {k} h long, {to} has room",
        "{from} reserved for the national training window",
    ]

    static let approveReasons: [String?] = [
        nil, nil,
        "checked against the source report",
        "numbers match the regional report",
        "conforme au protocole validé",
        "evidence reviewed with the project lead",
        "vérifié avec l'administration concernée",
        "sample of 20 cases read, consistent",
    ]

    static let rejectReasons: [String] = [
        "evidence too thin: sample of 20 files only",
        "conflicts with the regional council's decision of last week",
        "model version not yet validated by the ethics committee",
        "the affected communes were not consulted",
        "numbers do not match the agency's report",
        "personal data in the evidence: redo with the anonymised extract",
    ]

    static let withdrawReasons: [String] = [
        "superseded by a corrected run",
        "input data withdrawn by the administration",
        "project lead asked to stop it",
    ]
}
