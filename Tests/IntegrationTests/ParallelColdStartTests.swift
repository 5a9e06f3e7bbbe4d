import Foundation
import Synchronization
import TestSupport
import Testing

/// Issue 11 item 6: `xargs -P 20 pgentra ...` on an empty cache sent 19 token requests and 19
/// IMDS probes, and IMDS throttles a VM at about 5 requests a second. The processes now take
/// turns on a lock per cache entry, so one asks and the others read its token.
@Suite struct ParallelColdStartTests {
    @Test func twentyColdStartsSendOneTokenRequestAndOneProbe() throws {
        let emulator = try Fixtures.emulator()
        let environment = TestEnvironment(emulator: emulator)
        environment["AZURE_CLIENT_ID"] = Fixtures.managedIdentityClientID
        let results = Mutex<[ChildProcess.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            let result = environment.pgentra(["token"], timeout: 120)
            results.withLock { $0.append(result) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 20)
        #expect(all.allSatisfy { $0.status == 0 }, "\(all.map(\.stderr))")
        #expect(Set(all.map(\.stdout)).count == 1, "every process prints the one token")
        let issued = emulator.issued()
        #expect(issued.count == 1, "\(issued.count) token requests")
        let probes = emulator.requests().filter {
            ($0["path"] as? String)?.hasPrefix("/metadata") == true && ($0["headers"] as? [String: Any])?["metadata"] == nil
        }
        #expect(probes.count <= 1, "\(probes.count) IMDS probes")
        // No lock or temporary file is left readable by others, and no temporary file is left.
        let directory = environment.home.file("cache/pgentra")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.contains(".json.") }, "\(names)")
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)")[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
    }
}
