#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC, for deadlines and durations that a change of the wall clock must not move:
/// the one reading every layer uses (child deadlines, `\timing`, sign-in deadlines).
package enum MonotonicClock {
    package static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The same reading in whole milliseconds, for poll(2) budgets.
    package static func milliseconds() -> Int {
        Int(seconds() * 1000)
    }
}
