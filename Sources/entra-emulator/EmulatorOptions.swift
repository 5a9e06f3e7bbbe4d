/// What `entra-emulator` was asked to do, parsed once at the edge (every value checked here,
/// so nothing later has to re-validate strings).
enum EmulatorCommand: Sendable {
    case help
    case serve(EmulatorOptions)
}

/// A bad command line; main prints `message` on one line and exits 2.
struct OptionError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The options of `entra-emulator serve`.
struct EmulatorOptions: Sendable {
    struct Client: Sendable {
        let id: String
        let secret: String?
        let roleName: String?
    }

    struct UserAssignedIdentity: Sendable {
        let name: String
        let clientID: String
        let objectID: String?
    }

    var stateDirectory = ""
    var httpPort = 0
    /// nil with `--no-https`.
    var httpsPort: Int? = 0
    var tenant = "00000000-0000-0000-0000-0000000000aa"
    var lifetime = 3600
    var user = "alice@contoso.com"
    var clients: [Client] = []
    var workloadClients: [Client] = []
    var federatedToken: String?
    var managedIdentities: [UserAssignedIdentity] = []
    var systemIdentity: String?
    var identityHeader: String?
    var msiSecret: String?
    var postgresConninfo: String?
    var faults: [Fault] = []
    var devicePendingPolls = 1
    var deviceInterval = 1

    static func parse(_ arguments: [String]) throws(OptionError) -> EmulatorCommand {
        guard let first = arguments.first else { throw OptionError(message: "missing command; try --help") }
        if first == "--help" || first == "-h" || first == "help" { return .help }
        guard first == "serve" else { throw OptionError(message: "unknown command \"\(first)\"; try --help") }

        var options = EmulatorOptions()
        var sawStateDirectory = false
        var noHTTPS = false
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            if name == "--help" || name == "-h" { return .help }
            if name == "--no-https" {
                noHTTPS = true
                continue
            }
            guard name.hasPrefix("--") else { throw OptionError(message: "unexpected argument \"\(name)\"") }
            guard let value = rest.popFirst() else { throw OptionError(message: "option \(name) needs a value") }
            switch name {
            case "--state-dir":
                guard !value.isEmpty else { throw OptionError(message: "--state-dir must not be empty") }
                options.stateDirectory = value
                sawStateDirectory = true
            case "--http-port": options.httpPort = try port(value, name)
            case "--https-port": options.httpsPort = try port(value, name)
            case "--tenant":
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
                else { throw OptionError(message: "--tenant may hold only letters, digits, '-' and '.'") }
                options.tenant = value
            case "--lifetime": options.lifetime = try integer(value, name, minimum: 1)
            case "--user":
                guard value.contains("@") else { throw OptionError(message: "--user must be a UPN like alice@contoso.com") }
                options.user = value
            case "--client": options.clients.append(try client(value, secretRequired: true))
            case "--workload-client": options.workloadClients.append(try client(value, secretRequired: false))
            case "--federated-token":
                guard !value.isEmpty else { throw OptionError(message: "--federated-token must not be empty") }
                options.federatedToken = value
            case "--managed-identity": options.managedIdentities.append(try managedIdentity(value))
            case "--system-identity":
                guard !value.isEmpty, !value.contains("/") else { throw OptionError(message: "--system-identity needs a VM name") }
                options.systemIdentity = value
            case "--identity-header": options.identityHeader = value
            case "--msi-secret": options.msiSecret = value
            case "--pg-conninfo":
                do {
                    try PostgresPasswordSetter.requireLoopback(value)
                } catch {
                    throw OptionError(message: error.description)
                }
                options.postgresConninfo = value
            case "--fault":
                do {
                    options.faults.append(try Fault(spec: value))
                } catch {
                    throw OptionError(message: "--fault \(value): \(error)")
                }
            case "--device-pending": options.devicePendingPolls = try integer(value, name, minimum: 0)
            case "--device-interval": options.deviceInterval = try integer(value, name, minimum: 0)
            default: throw OptionError(message: "unknown option \(name); try --help")
            }
        }
        guard sawStateDirectory else { throw OptionError(message: "--state-dir DIR is required") }
        if noHTTPS { options.httpsPort = nil }
        return .serve(options)
    }

    /// The tenant's principals as the endpoints will see them.
    func makeDirectory() -> Directory {
        var principals: [ServicePrincipal] = clients.map {
            ServicePrincipal(clientID: $0.id, secret: $0.secret, roleName: $0.roleName)
        }
        for workload in workloadClients where !principals.contains(where: { $0.clientID.lowercased() == workload.id.lowercased() }) {
            principals.append(ServicePrincipal(clientID: workload.id, secret: nil, roleName: workload.roleName))
        }
        return Directory(
            tenant: tenant,
            user: UserAccount(upn: user),
            servicePrincipals: principals,
            federatedClientIDs: Set((clients + workloadClients).map { $0.id.lowercased() }),
            federatedToken: federatedToken,
            userAssignedIdentities: managedIdentities.map {
                ManagedIdentity.userAssigned(name: $0.name, clientID: $0.clientID, objectID: $0.objectID)
            },
            systemIdentity: systemIdentity.map { ManagedIdentity.systemAssigned(virtualMachine: $0) })
    }

    // MARK: - Value parsers

    private static func port(_ text: String, _ name: String) throws(OptionError) -> Int {
        guard let value = Int(text), (0...65_535).contains(value) else {
            throw OptionError(message: "\(name) must be a port number (0-65535), not \"\(text)\"")
        }
        return value
    }

    private static func integer(_ text: String, _ name: String, minimum: Int) throws(OptionError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw OptionError(message: "\(name) must be an integer >= \(minimum), not \"\(text)\"")
        }
        return value
    }

    /// `ID=SECRET[=ROLENAME]` (`--client`) or `ID[=ROLENAME]` (`--workload-client`).
    /// A secret therefore cannot contain `=`; Entra's generated secrets never do.
    private static func client(_ text: String, secretRequired: Bool) throws(OptionError) -> Client {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        if secretRequired {
            guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty, parts.count == 2 || !parts[2].isEmpty else {
                throw OptionError(message: "--client wants ID=SECRET[=ROLENAME], not \"\(text)\"")
            }
            return Client(id: parts[0], secret: parts[1], roleName: parts.count == 3 ? parts[2] : nil)
        }
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw OptionError(message: "--workload-client wants ID[=ROLENAME], not \"\(text)\"")
        }
        return Client(id: parts[0], secret: nil, roleName: parts.count == 2 ? parts[1] : nil)
    }

    /// `NAME=CLIENTID[=OBJECTID]`.
    private static func managedIdentity(_ text: String) throws(OptionError) -> UserAssignedIdentity {
        let parts = text.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }), !parts[0].contains("/") else {
            throw OptionError(message: "--managed-identity wants NAME=CLIENTID[=OBJECTID], not \"\(text)\"")
        }
        return UserAssignedIdentity(name: parts[0], clientID: parts[1], objectID: parts.count == 3 ? parts[2] : nil)
    }
}
