import CCurl
import COpenSSL

/// HTTP through libcurl: the product imports nothing from Foundation (docs/architecture.md), and
/// libcurl brings timeouts, proxies and TLS verification with a custom CA file.
package struct CurlHTTPClient: HTTPClient {
    /// Proxies and CA settings, taken from the environment by Commands.
    package struct Settings: Sendable, Equatable {
        /// `SSL_CERT_FILE`: extra trusted CAs, added to the system's.
        var caFile: String?
        /// `SSL_CERT_DIR`: a directory of trusted CAs (OpenSSL's hashed layout).
        var caDirectory: String?
        var httpProxy: String?
        var httpsProxy: String?
        var noProxy: String?
        /// Hosts never sent through a proxy: the managed-identity endpoints' (issue 11), whose
        /// answers carry tokens and whose requests carry the identity's secret headers.
        var directHosts: [String]
        /// `PGENTRA_HTTP_TIMEOUT`: an upper bound in seconds on any one request, for slow
        /// networks' opposite: scripts that would rather fail fast.
        var timeoutLimit: Double?

        package init(
            caFile: String? = nil, caDirectory: String? = nil, httpProxy: String? = nil, httpsProxy: String? = nil, noProxy: String? = nil,
            directHosts: [String] = [], timeoutLimit: Double? = nil
        ) {
            self.directHosts = directHosts
            self.caDirectory = caDirectory
            self.caFile = caFile
            self.httpProxy = httpProxy
            self.httpsProxy = httpsProxy
            self.noProxy = noProxy
            self.timeoutLimit = timeoutLimit
        }
    }

    let settings: Settings

    package init(settings: Settings) {
        self.settings = settings
    }

    /// Loopback never goes through a proxy: local emulators and IMDS-style endpoints on 127.0.0.1
    /// would otherwise be sent to whatever proxy the shell has configured.
    static let loopbackNoProxy = "127.0.0.1,localhost,::1"

    /// IMDS's link-local address: its tokens never travel through a proxy in clear, and a
    /// proxy's answer must never pass for IMDS's (issue 11).
    static let imdsHost = "169.254.169.254"

    /// CURLOPT_NOPROXY: the user's list, loopback, IMDS and the other managed-identity hosts.
    var noProxyList: String {
        ([settings.noProxy, Self.loopbackNoProxy, Self.imdsHost] + settings.directHosts.map(Optional.some))
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ",")
    }

    package func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
        let curl = try LibCurl.load()
        guard let handle = curl.easyInit() else { throw .failed("libcurl could not start a request") }
        defer { curl.easyCleanup(handle) }

        let box = ResponseBox()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl.slistFreeAll(headerList) }

        for header in request.headers {
            headerList = curl.slistAppend(headerList, "\(header.name): \(header.value)")
        }
        // libcurl adds "Expect: 100-continue" to larger POSTs; token endpoints don't need the round trip.
        headerList = curl.slistAppend(headerList, "Expect:")

        // Every option is checked: one libcurl ignored (an older curl's unknown option) would
        // silently drop a rule such as https-only or no redirects (issue 11).
        var refused: String?
        func apply(_ code: CURLcode, _ name: String) {
            guard code != CURLE_OK, refused == nil else { return }
            refused = "\(name): \(curl.easyStrerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)")"
        }
        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                apply(curl.set(handle, CURLOPT_URL, request.url), "CURLOPT_URL")
                let limit = settings.timeoutLimit ?? .infinity
                apply(curl.set(handle, CURLOPT_TIMEOUT_MS, Int(min(request.timeout, limit) * 1000)), "CURLOPT_TIMEOUT_MS")
                apply(curl.set(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(request.connectTimeout, limit) * 1000)),
                      "CURLOPT_CONNECTTIMEOUT_MS")
                apply(curl.set(handle, CURLOPT_FOLLOWLOCATION, 0), "CURLOPT_FOLLOWLOCATION")
                let protocols = curl.set(handle, CURLOPT_PROTOCOLS_STR, "http,https")
                if protocols == CURLE_UNKNOWN_OPTION {
                    // curl before 7.85 has only the bitmask: CURLOPT_PROTOCOLS (181), HTTP 1 | HTTPS 2.
                    apply(curl.set(handle, CURLoption(181), 1 | 2), "CURLOPT_PROTOCOLS")
                } else {
                    apply(protocols, "CURLOPT_PROTOCOLS_STR")
                }
                apply(curl.set(handle, CURLOPT_ERRORBUFFER, pointer: errorPointer.baseAddress), "CURLOPT_ERRORBUFFER")
                apply(curl.set(handle, CURLOPT_HTTPHEADER, pointer: headerList), "CURLOPT_HTTPHEADER")
                if request.method == .post {
                    apply(curl.set(handle, CURLOPT_POST, 1), "CURLOPT_POST")
                    apply(curl.set(handle, CURLOPT_POSTFIELDSIZE, body.count), "CURLOPT_POSTFIELDSIZE")
                    apply(curl.set(handle, CURLOPT_POSTFIELDS, pointer: body.baseAddress), "CURLOPT_POSTFIELDS")
                }
                configureTLSAndProxy(curl, handle, url: request.url, apply: apply)
                apply(curl.set(handle, CURLOPT_WRITEFUNCTION, callback: curlWriteBody), "CURLOPT_WRITEFUNCTION")
                apply(curl.set(handle, CURLOPT_WRITEDATA, pointer: unmanaged.toOpaque()), "CURLOPT_WRITEDATA")
                apply(curl.set(handle, CURLOPT_HEADERFUNCTION, callback: curlWriteHeader), "CURLOPT_HEADERFUNCTION")
                apply(curl.set(handle, CURLOPT_HEADERDATA, pointer: unmanaged.toOpaque()), "CURLOPT_HEADERDATA")
                guard refused == nil else { return CURLE_FAILED_INIT }
                return curl.easyPerform(handle)
            }
        }
        if let refused { throw .failed("libcurl refused an option (\(refused))") }

        // Checked first: the write callback's refusal shows up as CURLE_WRITE_ERROR.
        if box.exceeded { throw .answerTooLarge(limit: ResponseBox.limit) }
        guard code == CURLE_OK else {
            let buffered = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let detail = buffered.isEmpty ? curl.easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" : buffered
            throw Self.classify(code, detail: detail, url: request.url)
        }
        return HTTPResponse(status: curl.responseCode(handle), headers: box.headers, body: box.body)
    }

    /// Where the trusted CAs are, as OpenSSL itself looks (X509_get_default_cert_dir and
    /// _file, overridden by SSL_CERT_DIR and SSL_CERT_FILE) rather than one distribution's paths.
    /// With SSL_CERT_FILE, the default directory keeps the system's roots: it adds CAs.
    var trustStore: (file: String?, directory: String?) {
        let directory = settings.caDirectory ?? String(cString: X509_get_default_cert_dir())
        return (settings.caFile, settings.caFile != nil || settings.caDirectory != nil ? directory : nil)
    }

    private func configureTLSAndProxy(
        _ curl: LibCurl, _ handle: UnsafeMutableRawPointer, url: String, apply: (CURLcode, String) -> Void
    ) {
        let store = trustStore
        if let file = store.file { apply(curl.set(handle, CURLOPT_CAINFO, file), "CURLOPT_CAINFO") }
        if let directory = store.directory { apply(curl.set(handle, CURLOPT_CAPATH, directory), "CURLOPT_CAPATH") }
        let proxy = url.lowercased().hasPrefix("https:") ? settings.httpsProxy : settings.httpProxy
        // An empty proxy string tells libcurl not to consult the process environment itself:
        // the environment reaches this layer only through Settings.
        apply(curl.set(handle, CURLOPT_PROXY, proxy ?? ""), "CURLOPT_PROXY")
        apply(curl.set(handle, CURLOPT_NOPROXY, noProxyList), "CURLOPT_NOPROXY")
    }

    static func classify(_ code: CURLcode, detail: String, url: String) -> TransportError {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(detail)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY,
            CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING:
            return .couldNotConnect(detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR:
            return .tls(detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidURL(url)
        default:
            return .failed(detail)
        }
    }
}

/// Collects one response; libcurl calls back into it through an opaque pointer.
private final class ResponseBox {
    /// No token answer comes near 1 MiB; a larger one is refused while it arrives, before it
    /// costs memory or time (issue 11).
    static let limit = 1 << 20
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var headerBytes = 0
    var exceeded = false

    /// What libcurl hands a write callback: the box behind `context` and the `size` × `count`
    /// bytes at `data`. Nil when a pointer is missing, or when the bytes would take the body and
    /// headers together past `limit` (then `exceeded` is set): headers count against the same
    /// limit, as endless header lines are no better than a body. The callback then answers 0,
    /// which makes libcurl stop the transfer (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION).
    static func received(
        _ data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?
    ) -> (box: ResponseBox, bytes: UnsafeRawBufferPointer)? {
        guard let data, let context else { return nil }
        let box = Unmanaged<ResponseBox>.fromOpaque(context).takeUnretainedValue()
        let (length, overflow) = size.multipliedReportingOverflow(by: count)
        guard !overflow, length <= limit - box.body.count - box.headerBytes else {
            box.exceeded = true
            return nil
        }
        return (box, UnsafeRawBufferPointer(start: data, count: length))
    }
}

private let curlWriteBody: pgentra_curl_write_callback = { data, size, count, context in
    guard case let (box, bytes)? = ResponseBox.received(data, size: size, count: count, context: context) else { return 0 }
    box.body.append(contentsOf: bytes)
    return bytes.count
}

private let curlWriteHeader: pgentra_curl_write_callback = { data, size, count, context in
    guard case let (box, bytes)? = ResponseBox.received(data, size: size, count: count, context: context) else { return 0 }
    box.headerBytes += bytes.count
    let line = String(decoding: bytes, as: UTF8.self)
    // A new status line (after a redirect or 100 Continue) starts a new header block.
    if line.hasPrefix("HTTP/") {
        box.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        box.headers[name] = value
    }
    return bytes.count
}
