import CCurl
import Foundation

/// Turns a failed libcurl transfer into a ``RegistryProblem`` an operator can act on.
enum CurlFailure {
    static func problem(for code: CURLcode, easy: CurlEasy, options: HTTPOptions) -> RegistryProblem {
        let detail = easy.errorText(or: code)
        switch code {
        case CURLE_WRITE_ERROR where easy.sink.exceeded, CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(limitBytes: options.maxResponseBytes)
        case CURLE_OPERATION_TIMEDOUT:
            let duringConnect = detail.hasPrefix("Connection timed out") || detail.hasPrefix("Resolving timed out")
                || detail.contains("SSL connection timeout")
            return .timedOut(seconds: duringConnect ? options.connectTimeout : options.totalTimeout)
        case CURLE_COULDNT_CONNECT:
            var osErrno = 0
            _ = fc_easy_getinfo_long(easy.handle, CURLINFO_OS_ERRNO, &osErrno)
            return osErrno == Int(ECONNREFUSED) ? .connectionRefused : .cannotConnect(detail: detail)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound
        case CURLE_COULDNT_RESOLVE_PROXY:
            return .cannotConnect(detail: "proxy host not found: \(detail)")
        case CURLE_PEER_FAILED_VERIFICATION:
            return .tlsUntrusted(detail: detail)
        case CURLE_SSL_CACERT_BADFILE:
            return .tlsFileUnusable(setting: "ca_file", detail: detail)
        case CURLE_SSL_CERTPROBLEM:
            return .tlsFileUnusable(setting: "client_cert", detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            if mentionsClientCertificate(detail) { return .tlsClientCertificateRejected(detail: detail) }
            if code == CURLE_SSL_CONNECT_ERROR { return .tlsFailed(detail: detail) }
            return .connectionLost(detail: detail)
        case CURLE_PARTIAL_FILE:
            return .truncated(detail: detail)
        case CURLE_GOT_NOTHING:
            return .connectionLost(detail: "the server closed the connection without answering")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(reason: detail)
        case CURLE_BAD_CONTENT_ENCODING:
            return .transferFailed(detail: "the compressed answer could not be decoded: \(detail)")
        case CURLE_WEIRD_SERVER_REPLY:
            return .transferFailed(detail: "not an HTTP answer: \(detail)")
        default:
            return .transferFailed(detail: detail)
        }
    }

    /// OpenSSL's alerts when the server wants a client certificate, or does not like ours.
    private static func mentionsClientCertificate(_ detail: String) -> Bool {
        let lowered = detail.lowercased()
        return ["certificate required", "bad certificate", "unknown ca", "certificate unknown",
                "peer did not return a certificate"].contains { lowered.contains($0) }
    }
}
