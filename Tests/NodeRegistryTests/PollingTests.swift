import FactoryModel
import Foundation
@testable import NodeRegistry
import Synchronization
import Testing

/// A registry client that answers from a script, to drive the poller through success and failure.
/// (The poller is what is under test here; the real clients are tested against real servers.)
final class ScriptedClient: RegistryClient {
    let source = "scripted://registry"
    private let script: Mutex<(answers: [Result<[NodeSample], RegistryProblem>], calls: Int)>
    private let delay: Double

    init(_ answers: [Result<[NodeSample], RegistryProblem>], delay: Double = 0) {
        script = Mutex((answers, 0))
        self.delay = delay
    }

    var calls: Int { script.withLock { $0.calls } }

    func fetchNodes() throws(RegistryError) -> RegistrySnapshot {
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let answer = script.withLock { script in
            defer { script.calls += 1 }
            return script.answers.isEmpty ? .success([]) : script.answers[min(script.calls, script.answers.count - 1)]
        }
        switch answer {
        case .success(let nodes): return RegistrySnapshot(nodes: nodes, fetchedAt: Date(), source: source)
        case .failure(let problem): throw RegistryError(registry: source, problem: problem)
        }
    }
}

/// Succeeds once, then blocks in its second fetch until released: a registry that hangs.
final class GatedClient: RegistryClient {
    let source = "gated://registry"
    let secondFetchStarted = DispatchSemaphore(value: 0)
    private let gate = DispatchSemaphore(value: 0)
    private let calls = Mutex(0)

    func fetchNodes() throws(RegistryError) -> RegistrySnapshot {
        let call = calls.withLock { calls in
            defer { calls += 1 }
            return calls
        }
        if call >= 1 {
            secondFetchStarted.signal()
            _ = gate.wait(timeout: .now() + 10)
        }
        return RegistrySnapshot(nodes: Fixtures.nodes(count: 1), fetchedAt: Date(), source: source)
    }

    func release() {
        for _ in 0..<10 { gate.signal() }
    }
}

@Suite("Polling, staleness and history")
struct PollingTests {
    @Test("ring buffer keeps the newest values in order")
    func ringBuffer() {
        var buffer = RingBuffer<Int>(capacity: 3)
        #expect(buffer.isEmpty && buffer.last == nil)
        for value in 1...2 { buffer.append(value) }
        #expect(buffer.elements == [1, 2])
        for value in 3...7 { buffer.append(value) }
        #expect(buffer.elements == [5, 6, 7])
        #expect(buffer.count == 3 && buffer.last == 7)
        var other = RingBuffer<Int>(capacity: 3)
        for value in [5, 6, 7] { other.append(value) }
        #expect(buffer == other)
    }

    @Test("backoff doubles from the interval and stops at the cap")
    func backoff() {
        let delays = (0...8).map { RegistryPoller.delay(afterFailures: $0, interval: 2, maxBackoff: 60) }
        #expect(delays == [2, 4, 8, 16, 32, 60, 60, 60, 60])
        #expect(RegistryPoller.delay(afterFailures: 1000, interval: 2, maxBackoff: 60) == 60)
    }

    @Test("the last good sample is kept through failures, with its age, and marked stale")
    func staleness() {
        let clock = Mutex(Date(timeIntervalSince1970: 1000))
        let nodes = Fixtures.nodes(count: 5)
        let client = ScriptedClient([.success(nodes), .failure(.connectionRefused), .failure(.timedOut(seconds: 5)), .success(nodes)])
        let poller = RegistryPoller(client: client, interval: 2, now: { clock.withLock { $0 } })
        #expect(poller.state.health(now: clock.withLock { $0 }, interval: 2) == .waiting)
        #expect(poller.state.isStale(now: clock.withLock { $0 }, interval: 2))

        var state = poller.pollOnce()
        #expect(state.lastGood?.nodes == nodes)
        #expect(!state.isStale(now: Date(timeIntervalSince1970: 1003), interval: 2))
        #expect(state.isStale(now: Date(timeIntervalSince1970: 1004.5), interval: 2), "older than 2 × interval")
        #expect(state.health(now: Date(timeIntervalSince1970: 1004.5), interval: 2) == .stale)
        #expect(state.nextAttemptAt == Date(timeIntervalSince1970: 1002))

        clock.withLock { $0 = Date(timeIntervalSince1970: 1002) }
        state = poller.pollOnce()
        #expect(state.lastGood?.nodes == nodes, "kept")
        #expect(state.lastError?.problem == .connectionRefused)
        #expect(state.age(now: Date(timeIntervalSince1970: 1002)) == 2)
        #expect(state.isStale(now: Date(timeIntervalSince1970: 1002), interval: 2), "a failed poll makes it stale at once")
        #expect(state.health(now: Date(timeIntervalSince1970: 1002), interval: 2) == .failing)
        #expect(state.nextAttemptAt == Date(timeIntervalSince1970: 1006), "backs off")

        clock.withLock { $0 = Date(timeIntervalSince1970: 1006) }
        state = poller.pollOnce()
        #expect(state.consecutiveFailures == 2)
        #expect(state.nextAttemptAt == Date(timeIntervalSince1970: 1014))

        clock.withLock { $0 = Date(timeIntervalSince1970: 1014) }
        state = poller.pollOnce()
        #expect(state.lastError == nil && state.consecutiveFailures == 0)
        #expect(state.health(now: Date(timeIntervalSince1970: 1014), interval: 2) == .fresh)
        #expect(state.history.nodes[nodes[0].id]?.cpu.count == 2, "failed polls add nothing to the history")
    }

    @Test("unreachable from the start: nothing to show, and it says so")
    func unreachable() {
        let client = ScriptedClient([.failure(.hostNotFound)])
        let poller = RegistryPoller(client: client, interval: 1)
        let state = poller.pollOnce()
        #expect(state.lastGood == nil)
        #expect(state.health(now: Date(), interval: 1) == .unreachable)
        #expect(state.lastError?.description == "registry at scripted://registry: host name not found")
    }

    @Test("history keeps per-node, per-kind and per-site series; down nodes add nothing to means")
    func history() {
        func node(_ id: String, _ kind: ResourceKind, _ site: String, _ status: NodeStatus, cpu: Double, gpu: [Double] = []) -> NodeSample {
            NodeSample(id: id, name: id, site: site, pool: "p", kind: kind, status: status, heartbeatAt: Date(), cpuUtil: cpu, memUtil: 10,
                       gpus: gpu.enumerated().map { GPUSample(index: $0.offset, model: "m", util: $0.element, memUsedMiB: 0, memTotalMiB: 0, tempC: 0, powerW: 0) })
        }
        var history = RegistryHistory(capacity: 3)
        let first = [node("g1", .gpu, "dakhla", .up, cpu: 5, gpu: [80, 100]), node("g2", .gpu, "benguerir", .up, cpu: 5, gpu: [40]),
                     node("c1", .cpu, "rabat", .up, cpu: 30), node("c2", .cpu, "rabat", .down, cpu: 0)]
        history.record(RegistrySnapshot(nodes: first, fetchedAt: Date(), source: "t"))
        #expect(history.kinds[.gpu]?.elements == [65])  // (90 + 40) / 2
        #expect(history.kinds[.cpu]?.elements == [30])  // c2 is down
        #expect(history.sites[KindAtSite(kind: .gpu, site: "dakhla")]?.elements == [90])
        #expect(history.nodes["g1"]?.gpu.elements == [90])
        #expect(history.nodes["c1"]?.gpu.isEmpty == true)
        for _ in 0..<4 { history.record(RegistrySnapshot(nodes: Array(first.prefix(1)), fetchedAt: Date(), source: "t")) }
        #expect(history.nodes.keys.sorted() == ["g1"], "nodes that left are dropped")
        #expect(history.nodes["g1"]?.cpu.count == 3, "capacity holds")
        #expect(history.kinds[.cpu] == nil)
    }

    @Test("the poller thread polls, backs off, recovers, and stops; states() streams it")
    func pollerThread() async throws {
        let client = ScriptedClient([.failure(.connectionRefused), .success(Fixtures.nodes(count: 2))])
        let updates = Mutex<[RegistryState]>([])
        let poller = RegistryPoller(client: client, interval: 0.1, maxBackoff: 0.2, onUpdate: { state in
            updates.withLock { $0.append(state) }
        })
        let stream = poller.states()
        poller.start()
        var seen: [RegistryState] = []
        for await state in stream {
            seen.append(state)
            if state.lastGood != nil { break }
        }
        // A slow reader may miss intermediate states (only the newest is buffered), so the failure
        // is checked in the callback's record, which sees every poll.
        #expect(updates.withLock { $0.first?.lastError?.problem } == .connectionRefused)
        let firstFailure = try #require(updates.withLock { $0.first })
        let wait = try #require(firstFailure.nextAttemptAt).timeIntervalSince(try #require(firstFailure.lastAttemptAt))
        #expect(wait >= 0.19, "after one failure the poller waits 2 × interval (capped at 0.2 s), not \(wait) s")
        #expect(seen.last?.lastGood?.nodes.count == 2)
        poller.stop()
        let callsAtStop = client.calls
        try await Task.sleep(for: .milliseconds(400))
        #expect(client.calls <= callsAtStop + 1, "no polling after stop")
        #expect(updates.withLock { $0.count } >= 2)
    }

    @Test("a hanging registry never blocks readers, and the data turns stale")
    func hangingRegistry() throws {
        let client = GatedClient()
        let poller = RegistryPoller(client: client, interval: 0.1)
        poller.start()
        defer {
            poller.stop()
            client.release()
        }
        // The first poll succeeds; the second one hangs inside the client.
        #expect(client.secondFetchStarted.wait(timeout: .now() + 10) == .success)
        let start = ContinuousClock.now
        let state = poller.state
        #expect(ContinuousClock.now - start < .milliseconds(100), "reading the state must not wait for the fetch")
        let success = try #require(state.lastSuccessAt)
        #expect(state.lastGood?.nodes.count == 1 && state.lastError == nil)
        #expect(!state.isStale(now: success.addingTimeInterval(0.15), interval: 0.1))
        #expect(state.isStale(now: success.addingTimeInterval(0.25), interval: 0.1), "a hanging poll makes the sample stale")
        #expect(state.health(now: success.addingTimeInterval(0.25), interval: 0.1) == .stale)
    }

    @Test("against a real HTTP registry that goes away and comes back")
    func realRegistryDownAndUp() throws {
        let nodes = Fixtures.nodes(count: 3)
        let server = try TestHTTPServer { _ in .respond(status: 200, body: Fixtures.document(nodes)) }
        let endpoint = try RegistryEndpoint.parse(url: server.baseURL)
        let client = try RegistryConfiguration(endpoint: endpoint, http: HTTPOptions(connectTimeout: 1, totalTimeout: 2)).makeClient()
        let poller = RegistryPoller(client: client, interval: 1)
        #expect(poller.pollOnce().lastGood?.nodes == nodes)
        server.stop()
        let failed = poller.pollOnce()
        #expect(failed.lastGood?.nodes == nodes)
        #expect(failed.lastError?.problem == .connectionRefused)
        #expect(failed.health(now: Date(), interval: 1) == .failing)
    }
}
