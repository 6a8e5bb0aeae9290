// Clocks, random bytes, sched_yield and poll with a clock timeout (nanosleep and poll both use poll_oneoff).
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;
#define CHECK(cond, what) do { if (cond) printf("ok %s\n", what); else { printf("FAIL %s (errno %d)\n", what, errno); failures++; } } while (0)

static long long ns(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) return -1;
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    CHECK(ns(CLOCK_REALTIME) > 1600000000LL * 1000000000LL, "realtime is after 2020");
    long long m0 = ns(CLOCK_MONOTONIC);
    CHECK(m0 >= 0, "monotonic");
    CHECK(ns(CLOCK_PROCESS_CPUTIME_ID) >= 0, "process cpu time");
    CHECK(ns(CLOCK_THREAD_CPUTIME_ID) >= 0, "thread cpu time");
    struct timespec res;
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0), "clock_getres");

    struct timespec sleep = {0, 30 * 1000000};
    CHECK(nanosleep(&sleep, NULL) == 0, "nanosleep");
    long long m1 = ns(CLOCK_MONOTONIC);
    CHECK(m1 - m0 >= 30 * 1000000LL, "nanosleep waited 30ms");
    CHECK(poll(NULL, 0, 20) == 0, "poll timeout returns 0");
    CHECK(ns(CLOCK_MONOTONIC) - m1 >= 20 * 1000000LL, "poll waited 20ms");

    unsigned char a[32] = {0}, b[32] = {0};
    CHECK(getentropy(a, sizeof a) == 0 && getentropy(b, sizeof b) == 0 && memcmp(a, b, sizeof a) != 0, "random bytes differ");
    CHECK(sched_yield() == 0, "sched_yield");

    printf("failures=%d\n", failures);
    return failures == 0 ? 0 : 1;
}
