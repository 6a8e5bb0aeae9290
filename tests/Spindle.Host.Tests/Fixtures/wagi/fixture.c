// A Wagi component that exercises the host: the path after /fixture picks the behaviour.
// Rebuild with eng/build-host-fixtures.sh.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static const char *env(const char *name) {
    const char *value = getenv(name);
    return value ? value : "(unset)";
}

int main(int argc, char **argv) {
    const char *info = env("X_RAW_PATH_INFO");
    if (strcmp(info, "/env") == 0) {
        printf("Content-Type: text/plain\n\n");
        for (char **e = environ; *e; e++) printf("%s\n", *e);
        for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
        return 0;
    }
    if (strcmp(info, "/echo") == 0) {
        printf("Content-Type: application/octet-stream\nX-Echo: yes\n\n");
        char buffer[4096];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) fwrite(buffer, 1, n, stdout);
        return 0;
    }
    if (strcmp(info, "/status") == 0) {
        printf("Status: 418 I'm a teapot\nContent-Type: text/plain\n\nteapot");
        return 0;
    }
    if (strcmp(info, "/badstatus") == 0) {
        printf("Status: abc\n\n");
        return 0;
    }
    if (strcmp(info, "/redirect") == 0) {
        printf("Location: /fixture/env\n\n");
        return 0;
    }
    if (strcmp(info, "/nocontenttype") == 0) {
        printf("X-Only: header\n\nbody");
        return 0;
    }
    if (strcmp(info, "/silent") == 0) {
        return 0;
    }
    if (strcmp(info, "/exit") == 0) {
        printf("Content-Type: text/plain\n\nbefore exit");
        fflush(stdout);
        exit(3);
    }
    if (strcmp(info, "/trap") == 0) {
        fprintf(stderr, "about to trap\n");
        __builtin_trap();
    }
    if (strcmp(info, "/sleep") == 0) {
        sleep(5);  // poll_oneoff in the host: the request timeout must interrupt it too
        printf("Content-Type: text/plain\n\nwoke up");
        return 0;
    }
    if (strcmp(info, "/loop") == 0) {
        volatile unsigned long counter = 0;
        for (;;) counter++;
    }
    if (strcmp(info, "/file") == 0) {
        FILE *f = fopen("/data/message.txt", "r");
        printf("Content-Type: text/plain\n\n");
        if (!f) { printf("cannot open"); return 0; }
        char buffer[256];
        size_t n = fread(buffer, 1, sizeof buffer, f);
        fwrite(buffer, 1, n, stdout);
        FILE *w = fopen("/data/new.txt", "w");
        printf("|write:%s", w ? "allowed" : "denied");
        return 0;
    }
    printf("Content-Type: text/plain\n\nfixture %s\n", info);
    return 0;
}
