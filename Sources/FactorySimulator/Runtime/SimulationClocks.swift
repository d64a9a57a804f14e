import Foundation
import FactoryModel
import Synchronization

/// The simulation's present: a clock that stands still until the simulation moves it.
///
/// ``FactorySimulation`` sets it before each of its steps and hands it to the ``FactoryStore/RuntimeService``, so
/// every change the simulated runtime writes carries the simulated time. Tests give the same clock to an
/// `ActionGate` so that an operator's action happens at the simulated time too.
public final class VirtualClock: FactoryClock {
    private let time: Mutex<Date>

    /// Creates a clock showing `start`.
    public init(_ start: Date) {
        time = Mutex(start)
    }

    public func now() -> Date { time.withLock { $0 } }

    /// Moves the clock to `date`. It never goes back: an earlier date is ignored.
    public func set(_ date: Date) {
        time.withLock { current in
            if date > current { current = date }
        }
    }
}

/// Live simulated time: the wall clock at `speed` times its pace, counted from when the clock was made.
///
/// At speed 1 it is the wall clock itself; at speed 60 a wall second is a simulated minute. Times the runtime
/// writes are then ahead of the wall clock an operator's console reads, which is expected in a fast-forwarded demo.
public struct ScaledWallClock: FactoryClock {
    /// The wall time when the clock started.
    public let wallStart: Date
    /// The simulated time at `wallStart`.
    public let simulatedStart: Date
    /// Simulated seconds per wall second.
    public let speed: Double

    /// Creates a clock that starts now, at the wall time, running at `speed`.
    public init(speed: Double, wallStart: Date = Date()) {
        self.wallStart = wallStart
        self.simulatedStart = wallStart
        self.speed = speed
    }

    public func now() -> Date { simulatedTime(atWall: Date()) }

    /// The simulated time at the wall time `wall`.
    public func simulatedTime(atWall wall: Date) -> Date {
        simulatedStart.addingTimeInterval(wall.timeIntervalSince(wallStart) * speed)
    }
}
