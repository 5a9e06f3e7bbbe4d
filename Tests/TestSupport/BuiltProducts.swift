import Foundation

/// Paths of the executables this package builds, next to the running test bundle
/// (`.build/debug/pgentraPackageTests.xctest`).
package enum BuiltProducts {
    package static var directory: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // The xctest bundle may be a directory on some platforms; walk up until pgentra is found.
        for _ in 0..<3 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("pgentra").path) { break }
            url = url.deletingLastPathComponent()
        }
        return url.path
    }

    package static var pgentra: String { "\(directory)/pgentra" }
    package static var emulator: String { "\(directory)/entra-emulator" }
}
