import Synchronization

/// Device-code sign-ins in progress (credentials.md §7). Nobody visits a web page here: a code
/// is "approved" by itself after `--device-pending` polls, which is what tests need.
final class DeviceCodeStore: Sendable {
    /// One sign-in started at /devicecode.
    struct Grant: Sendable {
        let deviceCode: String
        let userCode: String
        let clientID: String
        let scope: String
        let resource: String
        let expiresAt: Int
        var pendingPollsLeft: Int
    }

    enum PollResult: Sendable {
        case unknown
        case pending
        case expired
        case approved(Grant)
    }

    static let lifetime = 900

    private let pendingPolls: Int
    private let grants = Mutex<[String: Grant]>([:])

    init(pendingPolls: Int) {
        self.pendingPolls = pendingPolls
    }

    func start(clientID: String, scope: String, resource: String, now: Int) -> Grant {
        let grant = Grant(deviceCode: RandomText.base64URL(byteCount: 32), userCode: RandomText.userCode(),
                          clientID: clientID, scope: scope, resource: resource,
                          expiresAt: now + DeviceCodeStore.lifetime, pendingPollsLeft: pendingPolls)
        grants.withLock { $0[grant.deviceCode] = grant }
        return grant
    }

    /// One poll of the token endpoint. An approved code is redeemed once, then forgotten.
    func poll(deviceCode: String, now: Int) -> PollResult {
        grants.withLock { grants -> PollResult in
            guard var grant = grants[deviceCode] else { return .unknown }
            if now >= grant.expiresAt {
                grants[deviceCode] = nil
                return .expired
            }
            if grant.pendingPollsLeft > 0 {
                grant.pendingPollsLeft -= 1
                grants[deviceCode] = grant
                return .pending
            }
            grants[deviceCode] = nil
            return .approved(grant)
        }
    }
}
