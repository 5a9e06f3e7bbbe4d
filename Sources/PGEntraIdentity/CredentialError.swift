/// Why a credential gave no token. The two cases steer the chain (credentials.md §8.3):
/// *unavailable* means "not set up here, try the next one"; *authenticationFailed* means
/// "set up, and refused": the chain stops and says why.
enum CredentialError: Error, Equatable, Sendable, CustomStringConvertible {
    case unavailable(String)
    case authenticationFailed(String)

    var message: String {
        switch self {
        case .unavailable(let message), .authenticationFailed(let message): message
        }
    }

    var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    var description: String { message }
}
