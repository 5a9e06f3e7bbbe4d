/// Where Identity reports what it did (`--debug`) and what the user should know (warnings).
/// Identity never prints: Commands decides where these lines go. Messages must never hold a
/// secret; callers pass tokens through `AccessToken.mask` if at all.
public struct DiagnosticLog: Sendable {
    public var debugEnabled: Bool
    private let sink: @Sendable (Level, String) -> Void

    /// `notice` is for what the user must act on now (the device-code sign-in message).
    public enum Level: Sendable { case debug, warning, notice }

    public init(debugEnabled: Bool, sink: @escaping @Sendable (Level, String) -> Void) {
        self.debugEnabled = debugEnabled
        self.sink = sink
    }

    public static let silent = DiagnosticLog(debugEnabled: false) { _, _ in }

    public func debug(_ message: @autoclosure () -> String) {
        if debugEnabled { sink(.debug, message()) }
    }

    public func warning(_ message: String) {
        sink(.warning, message)
    }

    public func notice(_ message: String) {
        sink(.notice, message)
    }
}
