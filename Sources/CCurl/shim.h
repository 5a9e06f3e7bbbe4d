#include <curl/curl.h>

/*
 * libcurl is loaded with dlopen on the first HTTP request, not linked: it drags in some twenty
 * shared libraries (nghttp2, gnutls via rtmp, ssh2, ...) whose loading would double the start-up
 * time of `pgentra token` with a warm cache, which makes no request at all.
 *
 * curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; these typed
 * wrappers call the loaded entry points with C's variadic convention.
 */
typedef CURLcode (*pgentra_curl_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*pgentra_curl_getinfo_fn)(CURL *, CURLINFO, ...);
typedef size_t (*pgentra_curl_write_callback)(char *, size_t, size_t, void *);

static inline CURLcode pgentra_curl_setopt_long(void *fn, CURL *curl, CURLoption option, long value) {
    return ((pgentra_curl_setopt_fn)fn)(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_string(void *fn, CURL *curl, CURLoption option, const char *value) {
    return ((pgentra_curl_setopt_fn)fn)(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_pointer(void *fn, CURL *curl, CURLoption option, const void *value) {
    return ((pgentra_curl_setopt_fn)fn)(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_write_function(void *fn, CURL *curl, CURLoption option, pgentra_curl_write_callback cb) {
    return ((pgentra_curl_setopt_fn)fn)(curl, option, cb);
}
static inline CURLcode pgentra_curl_getinfo_long(void *fn, CURL *curl, CURLINFO info, long *value) {
    return ((pgentra_curl_getinfo_fn)fn)(curl, info, value);
}
