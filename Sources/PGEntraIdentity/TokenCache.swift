import PGEntraSystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tokens on disk between runs (cli.md "Token cache"): one 0600 file per credential kind, tenant,
/// client id and scope in a 0700 directory, written atomically. Anything that looks tampered with
/// (wrong owner, loose mode, not a regular file) is ignored with a warning, never trusted.
package struct TokenCache: Sendable {
    let directory: String
    let log: DiagnosticLog
    /// One run reads and writes several files; each distrusted path is reported once.
    private let warned = WarnedPaths()

    /// Whose token a file holds: every selector that can change the identity (issue 11), so
    /// that switching one never returns the previous identity's token.
    struct Key: Sendable, Hashable {
        var kind: String
        var tenant: String?
        var clientID: String?
        var scope: String
        /// The other selectors, as TokenProvider writes them: a managed identity's object or
        /// resource id, the authority host, a developer tool's signed-in account.
        var selectors: String

        init(kind: String, tenant: String?, clientID: String?, scope: String, selectors: String = "") {
            self.kind = kind
            self.tenant = tenant
            self.clientID = clientID
            self.scope = scope
            self.selectors = selectors
        }

        var text: String { "\(kind)|\(tenant ?? "")|\(clientID ?? "")|\(scope)|\(selectors)" }

        /// The name a pgentra from before the selectors (issue 11) gave the same entry: kept only
        /// so that `remove` also deletes what such a version left, a management token above all.
        var legacyFileName: String { "\(kind)-\(FNV1a.hex("\(kind)|\(tenant ?? "")|\(clientID ?? "")|\(scope)".utf8)).json" }

        /// File names are hashes: scopes hold characters no file name should.
        var fileName: String { "\(kind)-\(FNV1a.hex(text.utf8)).json" }
    }

    /// `$XDG_CACHE_HOME/pgentra`, else `$HOME/.cache/pgentra`; nil when neither is an absolute
    /// path (a relative HOME would put tokens wherever the command happens to run).
    package static func defaultDirectory(environment: Environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/pgentra" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/pgentra" }
        return nil
    }

    package init(directory: String, log: DiagnosticLog) {
        self.directory = directory
        self.log = log
    }

    // MARK: - Tokens

    func token(for key: Key) -> AccessToken? {
        guard let object = readObject(key.fileName) else { return nil }
        guard object["key"]?.stringValue == key.text,
              let token = object["access_token"]?.stringValue, !token.isEmpty,
              let expiresOn = object["expires_on"]?.integerValue, AccessToken.plausibleTimes.contains(expiresOn),
              object["refresh_on"].map({ $0.integerValue.map(AccessToken.plausibleTimes.contains) == true }) ?? true else {
            log.debug("token cache: \(key.fileName) is corrupt; it will be rewritten")
            return nil
        }
        return AccessToken(token: token, expiresOn: expiresOn, refreshOn: object["refresh_on"]?.integerValue)
    }

    func store(_ token: AccessToken, for key: Key) {
        var object: [String: JSONValue] = [
            "version": .number(1), "key": .string(key.text),
            "access_token": .string(token.token), "expires_on": .number(Double(token.expiresOn)),
        ]
        if let refreshOn = token.refreshOn { object["refresh_on"] = .number(Double(refreshOn)) }
        write(JSONValue.object(object).encoded(), to: key.fileName)
    }

    func remove(_ key: Key) {
        guard usableDirectory(create: false) else { return }
        unlink("\(directory)/\(key.fileName)")
        unlink("\(directory)/\(key.legacyFileName)")
    }

    // MARK: - Which credential last worked

    /// The member of `chain` that last produced a token for this tenant, client and scope.
    func preferredCredential(
        chain: String, tenant: String?, clientID: String?, scope: String, selectors: String = ""
    ) -> CredentialKind? {
        let key = Key(kind: "chain-\(chain)", tenant: tenant, clientID: clientID, scope: scope, selectors: selectors)
        guard let object = readObject(key.fileName), object["key"]?.stringValue == key.text,
              let name = object["credential"]?.stringValue else { return nil }
        return CredentialKind(rawValue: name)
    }

    func setPreferredCredential(
        _ kind: CredentialKind, chain: String, tenant: String?, clientID: String?, scope: String, selectors: String = ""
    ) {
        let key = Key(kind: "chain-\(chain)", tenant: tenant, clientID: clientID, scope: scope, selectors: selectors)
        let object: [String: JSONValue] = ["version": .number(1), "key": .string(key.text), "credential": .string(kind.rawValue)]
        write(JSONValue.object(object).encoded(), to: key.fileName)
    }

    // MARK: - Files

    private func readObject(_ name: String) -> [String: JSONValue]? {
        guard usableDirectory(create: false) else { return nil }
        let path = "\(directory)/\(name)"
        // Non-blocking: a FIFO planted in the entry's place answers at once, and fstat then
        // refuses it before anything waits on a read.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno != ENOENT { log.warning("ignoring token cache file \(path): \(String(cString: strerror(errno)))") }
            return nil
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, trusted(info, path: path, expectedMode: 0o600, what: "file") else { return nil }
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), 1 << 20))
        let count = read(fd, &bytes, bytes.count)
        guard count >= 0 else { return nil }
        guard let object = JSONValue.object(from: Array(bytes.prefix(count))) else {
            log.debug("token cache: \(name) is corrupt; it will be rewritten")
            return nil
        }
        return object
    }

    /// temp file + rename, so a reader never sees half a token and a crash never leaves one.
    private func write(_ text: String, to name: String) {
        guard usableDirectory(create: true) else { return }
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            log.warning("could not write the token cache in \(directory): \(String(cString: strerror(errno)))")
            return
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, "\(directory)/\(name)") == 0 else {
            // Once per entry: a directory planted in its place was already reported when read.
            warnOnce("\(directory)/\(name)", "could not write the token cache in \(directory): \(String(cString: strerror(errno)))")
            unlink(temporary)
            return
        }
        log.debug("token cache: wrote \(name)")
        removeStaleTemporaries()
    }

    /// Temporary files a killed pgentra left between mkstemp and rename (`.NAME.json.XXXXXX`),
    /// once they are ten minutes old: no write takes that long. Only this user's regular files.
    private func removeStaleTemporaries() {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let now = time(nil)
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("."), name.contains(".json."), !name.hasSuffix(".lock") else { continue }
            let path = "\(directory)/\(name)"
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
                  info.st_mtim.tv_sec < now - 600 else { continue }
            if unlink(path) == 0 { log.debug("token cache: removed the stale temporary file \(name)") }
        }
    }

    /// The directory exists (or was made) as a 0700 directory of this user. It is checked again
    /// after mkdir: EEXIST counts as success there, so a directory someone else planted in the
    /// meantime would otherwise be trusted (issue 11).
    func usableDirectory(create: Bool) -> Bool {
        var info = stat()
        if lstat(directory, &info) != 0 {
            guard errno == ENOENT, create else { return false }
            guard makeDirectories(directory) else {
                log.warning("could not create the token cache directory \(directory): \(String(cString: strerror(errno)))")
                return false
            }
            guard lstat(directory, &info) == 0 else { return false }
        }
        return trusted(info, path: directory, expectedMode: 0o700, what: "directory")
    }

    private func warnOnce(_ path: String, _ message: String) {
        if warned.insert(path) { log.warning(message) }
    }

    func trusted(_ info: stat, path: String, expectedMode: mode_t, what: String) -> Bool {
        let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        guard what == "directory" ? isDirectory : isRegular else {
            warnOnce(path, "ignoring token cache \(what) \(path): it is not a regular \(what)")
            return false
        }
        guard info.st_uid == geteuid() else {
            warnOnce(path, "ignoring token cache \(what) \(path): it is owned by uid \(info.st_uid), not by you (uid \(geteuid()))")
            return false
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            warnOnce(path, "ignoring token cache \(what) \(path): its permissions are \(String(mode, radix: 8)), expected \(String(expectedMode, radix: 8)) (fix with: chmod \(String(expectedMode, radix: 8)) \(path))")
            return false
        }
        return true
    }

    /// mkdir -p with mode 0700 for every directory it creates.
    private func makeDirectories(_ path: String) -> Bool {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/\(component)"
            if mkdir(current, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}

/// Paths already warned about, shared by the copies of one TokenCache value.
private final class WarnedPaths: Sendable {
    private let paths = Mutex<Set<String>>([])

    /// True the first time `path` is seen.
    func insert(_ path: String) -> Bool {
        paths.withLock { $0.insert(path).inserted }
    }
}
