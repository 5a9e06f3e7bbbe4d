import Synchronization

/// The current fault list, shared by all connection threads and replaced at run time through
/// `/_emulator/faults`; the lock keeps the countdown exact when requests race.
final class FaultInjector: Sendable {
    private let faults: Mutex<[Fault]>

    init(_ faults: [Fault]) {
        self.faults = Mutex(faults)
    }

    func replace(with faults: [Fault]) {
        self.faults.withLock { $0 = faults }
    }

    /// The fault for a request to `path`, consuming one use of it; a fault whose count runs out
    /// is removed, so a later fault for the same prefix takes over.
    func take(path: String) -> FaultKind? {
        faults.withLock { list -> FaultKind? in
            guard let index = list.firstIndex(where: { path.hasPrefix($0.pathPrefix) }) else { return nil }
            let kind = list[index].kind
            if let remaining = list[index].remaining {
                if remaining <= 1 { list.remove(at: index) } else { list[index].remaining = remaining - 1 }
            }
            return kind
        }
    }
}
