import CCurl

/// HTTP through libcurl: the product imports FoundationEssentials only (architecture.md), and
/// libcurl brings timeouts, proxies and TLS verification with a custom CA file.
public struct CurlHTTPClient: HTTPClient {
    /// Proxies and CA settings, taken from the environment by Commands.
    public struct Settings: Sendable, Equatable {
        /// `SSL_CERT_FILE`: extra trusted CAs, added to the system's.
        public var caFile: String?
        public var httpProxy: String?
        public var httpsProxy: String?
        public var noProxy: String?
        /// `PGENTRA_HTTP_TIMEOUT`: an upper bound in seconds on any one request, for slow
        /// networks' opposite: scripts that would rather fail fast.
        public var timeoutLimit: Double?

        public init(
            caFile: String? = nil, httpProxy: String? = nil, httpsProxy: String? = nil, noProxy: String? = nil,
            timeoutLimit: Double? = nil
        ) {
            self.caFile = caFile
            self.httpProxy = httpProxy
            self.httpsProxy = httpsProxy
            self.noProxy = noProxy
            self.timeoutLimit = timeoutLimit
        }
    }

    let settings: Settings

    public init(settings: Settings) {
        self.settings = settings
    }

    /// Loopback never goes through a proxy: local emulators and IMDS-style endpoints on 127.0.0.1
    /// would otherwise be sent to whatever proxy the shell has configured.
    static let loopbackNoProxy = "127.0.0.1,localhost,::1"

    public func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
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

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                curl.set(handle, CURLOPT_URL, request.url)
                let limit = settings.timeoutLimit ?? .infinity
                curl.set(handle, CURLOPT_TIMEOUT_MS, Int(min(request.timeout, limit) * 1000))
                curl.set(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(min(request.connectTimeout, limit) * 1000))
                curl.set(handle, CURLOPT_FOLLOWLOCATION, 0)
                curl.set(handle, CURLOPT_PROTOCOLS_STR, "http,https")
                curl.set(handle, CURLOPT_ERRORBUFFER, pointer: errorPointer.baseAddress)
                curl.set(handle, CURLOPT_HTTPHEADER, pointer: headerList)
                if request.method == .post {
                    curl.set(handle, CURLOPT_POST, 1)
                    curl.set(handle, CURLOPT_POSTFIELDSIZE, body.count)
                    curl.set(handle, CURLOPT_POSTFIELDS, pointer: body.baseAddress)
                }
                configureTLSAndProxy(curl, handle, url: request.url)
                curl.set(handle, CURLOPT_WRITEFUNCTION, callback: curlWriteBody)
                curl.set(handle, CURLOPT_WRITEDATA, pointer: unmanaged.toOpaque())
                curl.set(handle, CURLOPT_HEADERFUNCTION, callback: curlWriteHeader)
                curl.set(handle, CURLOPT_HEADERDATA, pointer: unmanaged.toOpaque())
                return curl.easyPerform(handle)
            }
        }

        // Checked first: the write callback's refusal shows up as CURLE_WRITE_ERROR.
        if box.exceeded { throw .answerTooLarge(limit: ResponseBox.limit) }
        guard code == CURLE_OK else {
            let buffered = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let detail = buffered.isEmpty ? curl.easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" : buffered
            throw Self.classify(code, detail: detail, url: request.url)
        }
        return HTTPResponse(status: curl.responseCode(handle), headers: box.headers, body: box.body)
    }

    private func configureTLSAndProxy(_ curl: LibCurl, _ handle: UnsafeMutableRawPointer, url: String) {
        if let caFile = settings.caFile {
            curl.set(handle, CURLOPT_CAINFO, caFile)
            // Keep the system's roots too: SSL_CERT_FILE adds CAs, it does not replace them.
            curl.set(handle, CURLOPT_CAPATH, "/etc/ssl/certs")
        }
        let proxy = url.lowercased().hasPrefix("https:") ? settings.httpsProxy : settings.httpProxy
        // An empty proxy string tells libcurl not to consult the process environment itself:
        // the environment reaches this layer only through Settings.
        curl.set(handle, CURLOPT_PROXY, proxy ?? "")
        let noProxy = [settings.noProxy, Self.loopbackNoProxy].compactMap { $0 }.joined(separator: ",")
        curl.set(handle, CURLOPT_NOPROXY, noProxy)
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
}

private let curlWriteBody: pgentra_curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let box = Unmanaged<ResponseBox>.fromOpaque(context).takeUnretainedValue()
    let (length, overflow) = size.multipliedReportingOverflow(by: count)
    guard !overflow, length <= ResponseBox.limit - box.body.count - box.headerBytes else {
        box.exceeded = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        box.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
    return length
}

private let curlWriteHeader: pgentra_curl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let box = Unmanaged<ResponseBox>.fromOpaque(context).takeUnretainedValue()
    // Headers count against the same limit: endless header lines are no better than a body.
    let (length, overflow) = size.multipliedReportingOverflow(by: count)
    guard !overflow, length <= ResponseBox.limit - box.body.count - box.headerBytes else {
        box.exceeded = true
        return 0
    }
    box.headerBytes += length
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    // A new status line (after a redirect or 100 Continue) starts a new header block.
    if line.hasPrefix("HTTP/") {
        box.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        box.headers[name] = value
    }
    return length
}
