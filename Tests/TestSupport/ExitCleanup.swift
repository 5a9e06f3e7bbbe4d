import Foundation

/// Servers and emulators a test process started and may still hold when it exits (shared
/// fixtures live in statics, which are never deinitialised): each registers how to stop it,
/// and whatever is still registered at exit is stopped then, so no run leaves processes behind.
package enum ExitCleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var actions: [ObjectIdentifier: () -> Void] = [:]
    nonisolated(unsafe) private static var installed = false

    package static func register(_ owner: AnyObject, _ action: @escaping () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        actions[ObjectIdentifier(owner)] = action
        if !installed {
            installed = true
            atexit { ExitCleanup.runAll() }
        }
    }

    package static func unregister(_ owner: AnyObject) {
        lock.lock()
        defer { lock.unlock() }
        actions[ObjectIdentifier(owner)] = nil
    }

    private static func runAll() {
        lock.lock()
        let pending = Array(actions.values)
        actions = [:]
        lock.unlock()
        pending.forEach { $0() }
    }
}
