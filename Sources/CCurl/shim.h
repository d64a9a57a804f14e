#ifndef FUSION_CCURL_SHIM_H
#define FUSION_CCURL_SHIM_H

/*
 * The only door from Swift to libcurl.
 *
 * `curl_easy_setopt` and `curl_easy_getinfo` are variadic C functions, which Swift cannot call,
 * and a few constants are macros Swift cannot import. Each wrapper below takes exactly one typed
 * argument, so the compiler checks what libcurl would otherwise take on trust.
 * All wrappers are `static inline`: nothing here has state.
 */

#include <curl/curl.h>

/* ---- Response headers ------------------------------------------------------------------------ */

/// The value of the response header `name` (case-insensitive) of the last transfer, or NULL when it had none.
/// The text belongs to libcurl and stays valid until the next transfer on `handle`.
static inline const char *fc_easy_response_header(CURL *handle, const char *name) {
    struct curl_header *header = NULL;
    if (curl_easy_header(handle, name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == NULL) return NULL;
    return header->value;
}

/* ---- curl_easy_setopt, one wrapper per argument type ---------------------------------------- */

/// Sets an option whose value is a `long` (flags, timeouts, sizes that fit a long).
static inline CURLcode fc_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is a NUL-terminated string (copied by libcurl), or NULL to reset it.
static inline CURLcode fc_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is an opaque pointer (callback user data, a `curl_slist`, an error buffer).
static inline CURLcode fc_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is a `curl_off_t` (the `*_LARGE` size options).
static inline CURLcode fc_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// The shape of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*fc_data_callback)(char *data, size_t size, size_t count, void *user_data);

/// The shape of a CURLOPT_XFERINFOFUNCTION callback. Return non-zero to abort the transfer.
typedef int (*fc_xferinfo_callback)(void *user_data, curl_off_t download_total, curl_off_t download_now,
                                    curl_off_t upload_total, curl_off_t upload_now);

/// Sets CURLOPT_WRITEFUNCTION: receives the (decoded) body. Returning less than `size * count` aborts.
static inline CURLcode fc_easy_setopt_write_function(CURL *handle, fc_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Sets CURLOPT_HEADERFUNCTION: receives each response header line.
static inline CURLcode fc_easy_setopt_header_function(CURL *handle, fc_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/// Sets CURLOPT_XFERINFOFUNCTION (progress); also turns CURLOPT_NOPROGRESS off so it is called.
static inline CURLcode fc_easy_setopt_xferinfo_function(CURL *handle, fc_xferinfo_callback callback) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_NOPROGRESS, callback ? 0L : 1L);
}

/* ---- curl_easy_getinfo, one wrapper per result type ----------------------------------------- */

/// Reads a `long` piece of information (e.g. CURLINFO_RESPONSE_CODE, CURLINFO_SSL_VERIFYRESULT).
static inline CURLcode fc_easy_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}

/// Reads a `double` piece of information (e.g. CURLINFO_TOTAL_TIME).
static inline CURLcode fc_easy_getinfo_double(CURL *handle, CURLINFO info, double *out) {
    return curl_easy_getinfo(handle, info, out);
}

/// Reads a `curl_off_t` piece of information (e.g. CURLINFO_SIZE_DOWNLOAD_T, CURLINFO_TOTAL_TIME_T).
static inline CURLcode fc_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *out) {
    return curl_easy_getinfo(handle, info, out);
}

/// Reads a string piece of information (e.g. CURLINFO_CONTENT_TYPE). The string belongs to libcurl.
static inline CURLcode fc_easy_getinfo_string(CURL *handle, CURLINFO info, char **out) {
    return curl_easy_getinfo(handle, info, out);
}

/* ---- constants Swift cannot import ---------------------------------------------------------- */

/// CURL_GLOBAL_DEFAULT (a macro built from other macros).
static inline long fc_curl_global_default(void) { return CURL_GLOBAL_DEFAULT; }

/// CURL_ERROR_SIZE: the size of the buffer given to CURLOPT_ERRORBUFFER.
static inline size_t fc_curl_error_size(void) { return CURL_ERROR_SIZE; }

/// The libcurl version string, e.g. "7.88.1".
static inline const char *fc_curl_version_string(void) { return curl_version_info(CURLVERSION_NOW)->version; }

#endif
