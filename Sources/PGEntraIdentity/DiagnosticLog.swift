/// Where Identity reports what it did (`--debug`) and what the user should know (warnings).
/// Identity never prints: Commands decides where these lines go. Messages must never hold a
/// secret; callers pass tokens through `Secret.mask` if at all.
package struct DiagnosticLog: Sendable {
    var debugEnabled: Bool
    private let sink: @Sendable (Level, String) -> Void

    /// `notice` is for what the user must act on now (the device-code sign-in message).
    package enum Level: Sendable { case debug, warning, notice }

    package init(debugEnabled: Bool, sink: @escaping @Sendable (Level, String) -> Void) {
        self.debugEnabled = debugEnabled
        self.sink = sink
    }

    static let silent = DiagnosticLog(debugEnabled: false) { _, _ in }

    package func debug(_ message: @autoclosure () -> String) {
        if debugEnabled { sink(.debug, message()) }
    }

    func warning(_ message: String) {
        sink(.warning, message)
    }

    func notice(_ message: String) {
        sink(.notice, message)
    }
}
