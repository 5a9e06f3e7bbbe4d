#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time and waiting, injected so retry back-off and expiry rules are tested without sleeping.
package struct Clock: Sendable {
    var now: @Sendable () -> Double
    var sleep: @Sendable (Double) -> Void

    package init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (Double) -> Void) {
        self.now = now
        self.sleep = sleep
    }

    package static let system = Clock(
        now: {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        },
        sleep: { seconds in
            guard seconds > 0 else { return }
            var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
        })

    /// Whole seconds since the epoch, the unit of every expiry.
    package var epochSeconds: Int64 { Int64(now()) }
}
