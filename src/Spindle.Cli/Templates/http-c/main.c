// {{project-name}}: a Spin HTTP component in C, run by the Wagi executor (CGI): the request arrives as
// environment variables (REQUEST_METHOD, PATH_INFO, QUERY_STRING, X_FULL_URL, HTTP_* headers...) with the body
// on stdin; the response is written to stdout as headers, a blank line, then the body.
// Build: spindle build (clang-14 + wasi-libc: apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32)
#include <stdio.h>
#include <stdlib.h>

static const char *env_or(const char *name, const char *fallback) {
    const char *value = getenv(name);
    return value != NULL ? value : fallback;
}

int main(void) {
    printf("Content-Type: text/plain\n\n");
    printf("Hello World!\n");
    printf("You sent %s %s\n", env_or("REQUEST_METHOD", "?"), env_or("X_FULL_URL", "?"));
    return 0;
}
