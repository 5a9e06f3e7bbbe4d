import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// libcurl's entry points, resolved with dlopen when a request is about to be made. Loading it
/// lazily keeps `pgentra token` with a warm cache as quick to start as psql (see shim.h).
struct LibCurl {
    typealias GlobalInit = @convention(c) (Int) -> CURLcode
    typealias EasyInit = @convention(c) () -> UnsafeMutableRawPointer?
    typealias EasyCleanup = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias EasyPerform = @convention(c) (UnsafeMutableRawPointer?) -> CURLcode
    typealias EasyStrerror = @convention(c) (CURLcode) -> UnsafePointer<CChar>?
    typealias SlistAppend = @convention(c) (UnsafeMutablePointer<curl_slist>?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<curl_slist>?
    typealias SlistFreeAll = @convention(c) (UnsafeMutablePointer<curl_slist>?) -> Void

    let easyInit: EasyInit
    let easyCleanup: EasyCleanup
    let easyPerform: EasyPerform
    let easyStrerror: EasyStrerror
    let slistAppend: SlistAppend
    let slistFreeAll: SlistFreeAll
    /// Variadic: called only through the shim's typed wrappers.
    let setopt: UnsafeMutableRawPointer
    let getinfo: UnsafeMutableRawPointer

    static let sonames = ["libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4"]

    /// Opens libcurl (a no-op after the first time: the loader keeps it) and initialises it.
    static func load() throws(TransportError) -> LibCurl {
        guard let handle = sonames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_GLOBAL) }).first else {
            throw .failed("libcurl is not installed (install the libcurl4 package): \(String(cString: dlerror()))")
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(TransportError) -> T {
            guard let pointer = dlsym(handle, name) else { throw .failed("libcurl lacks \(name)") }
            return unsafeBitCast(pointer, to: type)
        }
        guard let setopt = dlsym(handle, "curl_easy_setopt"), let getinfo = dlsym(handle, "curl_easy_getinfo") else {
            throw .failed("libcurl lacks curl_easy_setopt")
        }
        let library = LibCurl(
            easyInit: try symbol("curl_easy_init", as: EasyInit.self),
            easyCleanup: try symbol("curl_easy_cleanup", as: EasyCleanup.self),
            easyPerform: try symbol("curl_easy_perform", as: EasyPerform.self),
            easyStrerror: try symbol("curl_easy_strerror", as: EasyStrerror.self),
            slistAppend: try symbol("curl_slist_append", as: SlistAppend.self),
            slistFreeAll: try symbol("curl_slist_free_all", as: SlistFreeAll.self),
            setopt: setopt, getinfo: getinfo)
        // Reference-counted by libcurl, and thread-safe since 7.84.
        _ = try symbol("curl_global_init", as: GlobalInit.self)(Int(CURL_GLOBAL_DEFAULT))
        return library
    }

    @discardableResult
    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ value: Int) -> CURLcode {
        pgentra_curl_setopt_long(setopt, handle, option, value)
    }

    @discardableResult
    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, _ value: String) -> CURLcode {
        pgentra_curl_setopt_string(setopt, handle, option, value)
    }

    @discardableResult
    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, pointer: UnsafeRawPointer?) -> CURLcode {
        pgentra_curl_setopt_pointer(setopt, handle, option, pointer)
    }

    @discardableResult
    func set(_ handle: UnsafeMutableRawPointer, _ option: CURLoption, callback: pgentra_curl_write_callback) -> CURLcode {
        pgentra_curl_setopt_write_function(setopt, handle, option, callback)
    }

    func responseCode(_ handle: UnsafeMutableRawPointer) -> Int {
        var status = 0
        _ = pgentra_curl_getinfo_long(getinfo, handle, CURLINFO_RESPONSE_CODE, &status)
        return status
    }
}
