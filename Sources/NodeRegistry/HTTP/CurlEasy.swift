import CCurl
import Foundation

/// libcurl's process-wide setup, done once before the first handle (Swift runs a `static let`
/// initialiser exactly once, even when several threads race to it).
enum CurlGlobal {
    /// `true` when `curl_global_init` succeeded.
    static let isReady: Bool = curl_global_init(fc_curl_global_default()) == CURLE_OK
}

/// Collects a response body, refusing to grow past its cap.
///
/// libcurl calls `append` from inside `curl_easy_perform`, on the thread that called it.
final class ResponseSink {
    var body = Data()
    var cap: Int
    var exceeded = false
    /// The transfer's handle, to read the announced length at the first bytes.
    var handle: UnsafeMutableRawPointer?

    init(cap: Int) { self.cap = cap }

    func reset(cap: Int) {
        body = Data()
        self.cap = cap
        exceeded = false
    }

    /// Appends `count` bytes; returns the number taken, which libcurl reads as "abort" when short.
    func append(_ bytes: UnsafeRawPointer, count: Int) -> Int {
        if body.count + count > cap {
            exceeded = true
            return 0
        }
        if body.isEmpty, let handle {
            // A large answer announced with its length is held in one buffer of that size, not grown by doubling
            // (an 11 MB node list would otherwise pass through buffers of 16 MB and more).
            var length: curl_off_t = -1
            if fc_easy_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK, length > 0,
               length <= cap {
                body.reserveCapacity(Int(length))
            }
        }
        body.append(bytes.assumingMemoryBound(to: UInt8.self), count: count)
        return count
    }
}

/// One libcurl easy handle with its error buffer and body sink, configured once with the options
/// that never change between requests.
///
/// Not thread-safe by itself: ``HTTPClient`` keeps it behind a lock.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    let errorBuffer: UnsafeMutablePointer<CChar>
    let sink: ResponseSink

    /// Creates and configures a handle, or fails with a transfer problem when libcurl cannot.
    init(options: HTTPOptions) throws(RegistryProblem) {
        guard CurlGlobal.isReady, let handle = curl_easy_init() else {
            throw .transferFailed(detail: "libcurl could not be initialised")
        }
        self.handle = handle
        let size = fc_curl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        sink = ResponseSink(cap: options.maxResponseBytes)
        sink.handle = handle
        try configure(options)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// The text libcurl left in the error buffer for the last transfer (cleaned), or `fallback`.
    func errorText(or fallback: CURLcode) -> String {
        let text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { return UntrustedText.snippet(text, limit: 160) }
        return String(cString: curl_easy_strerror(fallback))
    }

    private func set(_ option: CURLoption, _ value: Int) throws(RegistryProblem) {
        try check(fc_easy_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String?) throws(RegistryProblem) {
        try check(fc_easy_setopt_string(handle, option, value), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(RegistryProblem) {
        guard code == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(code))
            throw .transferFailed(detail: "libcurl refused option \(option.rawValue): \(reason)")
        }
    }

    private func configure(_ options: HTTPOptions) throws(RegistryProblem) {
        // Only HTTP and HTTPS, never a redirect to anywhere the configuration did not name.
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        // TLS verification is always on; there is no switch to turn it off.
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = options.caFile {
            try set(CURLOPT_CAINFO, caFile)
            // A private PKI: trust only the CA file, not the system's directory as well.
            try set(CURLOPT_CAPATH, nil)
        }
        if let cert = options.clientCert { try set(CURLOPT_SSLCERT, cert) }
        if let key = options.clientKey { try set(CURLOPT_SSLKEY, key) }
        // Proxies: only the configured one. "" disables the environment's http_proxy & co.
        try set(CURLOPT_PROXY, options.proxy ?? "")
        if options.proxy == nil { try set(CURLOPT_NOPROXY, "*") }
        // Timeouts. NOSIGNAL: libcurl must not use signals in a threaded program.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, Self.milliseconds(options.totalTimeout))
        // Size cap: refused up front when Content-Length says so, and counted in the write callback.
        try check(fc_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes)),
                  CURLOPT_MAXFILESIZE_LARGE)
        if options.acceptGzip { try set(CURLOPT_ACCEPT_ENCODING, "") }  // "" = every encoding libcurl decodes
        try set(CURLOPT_USERAGENT, "fusion-console/1 libcurl/" + String(cString: fc_curl_version_string()))
        try check(fc_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)

        try check(fc_easy_setopt_write_function(handle, { data, size, count, user in
            guard let data, let user else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
            return sink.append(UnsafeRawPointer(data), count: size * count)
        }), CURLOPT_WRITEFUNCTION)
        // The sink lives as long as this object, which outlives the handle's transfers.
        try check(fc_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()),
                  CURLOPT_WRITEDATA)
    }

    static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }
}
