import Foundation

/// A clean environment for one run of the real binary: its own HOME and XDG directories, a PATH
/// of fake tools plus the system's, and every Azure endpoint on loopback. Nothing is inherited
/// from the test process, so no test can reach 169.254.169.254 or a public host.
package final class TestEnvironment: @unchecked Sendable {
    package let home: TemporaryDirectory
    package private(set) var variables: [String: String]
    /// What must outlive the runs (the emulator, servers, certificates): kept as long as the
    /// environment, whatever the optimiser makes of a test's local variables.
    private var kept: [AnyObject] = []

    /// A loopback port nobody listens on: connections are refused at once.
    package static let deadEndpoint = "http://127.0.0.1:9"

    package init(emulator: IdentityEmulator? = nil) {
        home = TemporaryDirectory(prefix: "pgentra-home")
        if let emulator { kept.append(emulator) }
        home.makeDirectory("bin", mode: 0o755)
        home.makeDirectory("cache", mode: 0o700)
        home.makeDirectory("config", mode: 0o700)
        variables = [
            "HOME": home.path,
            "XDG_CACHE_HOME": home.file("cache"),
            "XDG_CONFIG_HOME": home.file("config"),
            "PATH": "\(home.file("bin")):/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            // Managed identity's IMDS would otherwise be 169.254.169.254.
            "AZURE_POD_IDENTITY_AUTHORITY_HOST": emulator?.baseURL ?? Self.deadEndpoint,
            "AZURE_AUTHORITY_HOST": emulator?.baseURL ?? Self.deadEndpoint,
        ]
    }

    /// Keeps `object` alive for as long as this environment.
    package func keep(_ object: AnyObject) {
        kept.append(object)
    }

    package subscript(_ name: String) -> String? {
        get { variables[name] }
        set { variables[name] = newValue }
    }

    /// Makes `hostName` resolve to 127.0.0.1 for the programs this environment runs (nss_wrapper,
    /// from Debian's libnss-wrapper), so code that treats loopback specially sees a remote host
    /// while every packet stays on this machine.
    package func resolve(_ hostName: String) {
        let hosts = home.write("hosts", "127.0.0.1 \(hostName)\n", mode: 0o644)
        variables["LD_PRELOAD"] = "libnss_wrapper.so"
        variables["NSS_WRAPPER_HOSTS"] = hosts
    }

    /// Runs the real pgentra binary.
    package func pgentra(_ arguments: [String], timeout: Double = 60) -> ChildProcess.Result {
        ChildProcess.run(BuiltProducts.pgentra, arguments, environment: variables, timeout: timeout)
    }

    /// Puts an executable script called `name` first on PATH.
    package func installTool(_ name: String, script: String) {
        home.write("bin/\(name)", script, mode: 0o755)
    }

    /// Fake `az` and `azd` that fetch real tokens from the emulator over bash's /dev/tcp and
    /// record their argv (one line per argument) so tests can check what pgentra passed.
    package func installFakeCLIs(emulator: IdentityEmulator) {
        for tool in ["az", "azd"] {
            let query = tool == "az" ? "resource" : "scope"
            installTool(tool, script: """
            #!/bin/bash
            printf '%s\\n' "$@" > "\(home.file("\(tool).argv"))"
            value=""
            while [ $# -gt 0 ]; do
              case "$1" in --resource|--scope) value="$2"; shift ;; esac
              shift
            done
            exec 3<>/dev/tcp/127.0.0.1/\(emulator.httpPort) || exit 1
            printf 'GET /_emulator/cli/\(tool)?\(query)=%s HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' "$value" >&3
            sed '1,/^\\r$/d' <&3
            """)
        }
    }

    /// What the fake tool was last run with, one argument per element.
    package func recordedArguments(_ tool: String) -> [String]? {
        (try? String(contentsOfFile: home.file("\(tool).argv"), encoding: .utf8))?
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
