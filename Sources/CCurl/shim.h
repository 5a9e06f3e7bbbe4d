#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic; Swift needs typed entry points. */
static inline CURLcode pgentra_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode pgentra_curl_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*pgentra_curl_write_callback)(char *, size_t, size_t, void *);
static inline CURLcode pgentra_curl_setopt_write_function(CURL *curl, CURLoption option, pgentra_curl_write_callback cb) {
    return curl_easy_setopt(curl, option, cb);
}
static inline CURLcode pgentra_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
