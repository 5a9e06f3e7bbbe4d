#if canImport(Glibc)
import Glibc
#endif

/// Runs a developer CLI (az, azd) the way the SDKs do (credentials.md §5–§6): found on PATH,
/// stdin closed, a deadline, extra environment to turn colour off. Both CLI credentials share it
/// so "not installed", "timed out" and stderr clean-up behave the same.
struct DeveloperTool: Sendable {
    /// The program name searched for on PATH.
    let program: String
    let searchPath: String
    let environment: [String: String]
    let timeout: Double
    let runner: any ProcessRunner
    let log: DiagnosticLog

    enum Outcome {
        case notFound
        case timedOut
        case couldNotStart(String)
        case finished(ProcessOutput)
    }

    func run(_ arguments: [String], extraEnvironment: [String: String]) -> Outcome {
        guard let executable = locate() else {
            log.debug("\(program): not found on PATH")
            return .notFound
        }
        log.debug("\(program): running \(executable) \(arguments.joined(separator: " "))")
        let invocation = ProcessInvocation(
            executable: executable, arguments: arguments,
            environment: environment.merging(extraEnvironment) { $1 },
            workingDirectory: "/bin", timeout: timeout)
        do throws(ProcessError) {
            let output = try runner.run(invocation)
            log.debug("\(program): exit status \(output.exitStatus)")
            return .finished(output)
        } catch {
            switch error {
            case .timedOut: return .timedOut
            case .couldNotStart(let reason): return .couldNotStart(reason)
            // A token is a few KiB: a flood is a broken or hostile tool, refused like one that
            // cannot start.
            case .outputTooLarge: return .couldNotStart(error.description)
            }
        }
    }

    /// How a credential names its tool in the errors `output(of:)` throws.
    struct Wording {
        /// "Azure CLI": follows "Failed to invoke the".
        let name: String
        /// The SDK's whole message when the tool is not installed; az and azd word it differently.
        let notInstalled: String
        /// The command quoted when the deadline passes: "az account get-access-token".
        let command: String

        static let azureCLI = Wording(
            name: "Azure CLI",
            notInstalled: "Azure CLI not found on path. Install it, or choose another credential with --credential",
            command: "az account get-access-token")
        static let azureDeveloperCLI = Wording(
            name: "Azure Developer CLI",
            notInstalled: "Azure Developer CLI could not be found. Install it, or choose another credential with --credential",
            command: "azd auth token")
    }

    /// Runs the tool and answers its output when it exited 0; otherwise throws what the SDKs'
    /// AzureCliCredential and AzureDeveloperCliCredential raise as CredentialUnavailableError:
    /// not installed (not on PATH, or a shell's exit 127), timed out, could not start, or
    /// `failure`'s wording of a non-zero exit. Both CLI credentials share it so those outcomes
    /// read the same.
    func output(
        of arguments: [String], extraEnvironment: [String: String], wording: Wording,
        failure: (ProcessOutput) -> String
    ) throws(CredentialError) -> ProcessOutput {
        switch run(arguments, extraEnvironment: extraEnvironment) {
        case .notFound:
            throw .unavailable(wording.notInstalled)
        case .timedOut:
            throw .unavailable("Failed to invoke the \(wording.name): \"\(wording.command)\" did not finish within \(Int(timeout)) seconds")
        case .couldNotStart(let reason):
            throw .unavailable("Failed to invoke the \(wording.name): \(reason)")
        case .finished(let output):
            if Self.reportsNotFound(output, program: program) {
                throw .unavailable(wording.notInstalled)
            }
            guard output.exitStatus == 0 else {
                throw .unavailable(failure(output))
            }
            return output
        }
    }

    /// The first executable `program` in `searchPath`.
    func locate() -> String? {
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(program)"
            var info = stat()
            // An executable regular file, as shutil.which finds: a directory named az is not az.
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// True when a shell reported the program missing (exit 127, `az: not found`).
    static func reportsNotFound(_ output: ProcessOutput, program: String) -> Bool {
        output.exitStatus == 127
            || output.standardError.contains("\(program): not found")
            || output.standardError.contains("\(program): command not found")
    }

    /// The stderr of a failed run, without colour codes, tokens or an `ERROR:` prefix, on one line.
    static func cleanError(_ text: String) -> String {
        var cleaned = ""
        var skippingEscape = false
        for character in text {
            if character == "\u{1B}" { skippingEscape = true; continue }
            if skippingEscape {
                if character.isLetter { skippingEscape = false }
                continue
            }
            cleaned.append(character)
        }
        let lines = cleaned.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        var message = lines.joined(separator: " ")
        if message.hasPrefix("ERROR: ") { message = String(message.dropFirst("ERROR: ".count)) }
        return Redaction.redact(message)
    }

    /// A token request's argv, which az and azd take alike: `command`, the scope after
    /// `scopeFlag`, and the tenant, when there is one, after `tenantFlag`. Both are checked
    /// first (the scope, then the tenant), as the SDKs' AzureCliCredential and
    /// AzureDeveloperCliCredential check them with validate_scope and validate_tenant_id.
    static func tokenArguments(
        _ command: [String], scopeFlag: String, scope: String, tenantFlag: String, tenant: String?
    ) throws(CredentialError) -> [String] {
        try validateArgument(scope, allowed: "_-.:/", what: "scope")
        var arguments = command + [scopeFlag, scope]
        if let tenant {
            try validateArgument(tenant, allowed: "-.", what: "tenant id")
            arguments += [tenantFlag, tenant]
        }
        return arguments
    }

    /// Scopes and tenants go into argv, so only the characters the SDKs allow there are accepted.
    static func validateArgument(_ value: String, allowed: String, what: String) throws(CredentialError) {
        let extra = Set(allowed)
        guard !value.isEmpty, value.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || extra.contains($0) }) else {
            throw .unavailable("invalid \(what) \"\(value)\": only letters, digits and \(allowed.map { String($0) }.joined(separator: " ")) are allowed")
        }
    }
}
