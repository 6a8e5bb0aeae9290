// Exercises files and directories through wasi-libc inside the preopen /sandbox: write, seek, read, pread/pwrite,
// truncate, stat, rename, hard links, symlinks, readdir, unlink, rmdir. Prints one line per check.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static int failures;
#define CHECK(cond, what) do { if (cond) printf("ok %s\n", what); else { printf("FAIL %s (errno %d)\n", what, errno); failures++; } } while (0)

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    CHECK(mkdir("/sandbox/dir", 0755) == 0, "mkdir");
    CHECK(mkdir("/sandbox/dir", 0755) == -1 && errno == EEXIST, "mkdir existing is EEXIST");

    int fd = open("/sandbox/dir/a.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0, "open create");
    CHECK(write(fd, "hello world", 11) == 11, "write");
    CHECK(lseek(fd, 6, SEEK_SET) == 6, "lseek set");
    char buf[64] = {0};
    CHECK(read(fd, buf, sizeof buf) == 5 && memcmp(buf, "world", 5) == 0, "read after seek");
    CHECK(lseek(fd, 0, SEEK_CUR) == 11, "tell");
    CHECK(lseek(fd, -5, SEEK_END) == 6, "lseek end");
    CHECK(pwrite(fd, "W", 1, 6) == 1, "pwrite");
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 5, 6) == 5 && memcmp(buf, "World", 5) == 0, "pread");
    CHECK(lseek(fd, 0, SEEK_CUR) == 6, "pread keeps position");
    CHECK(ftruncate(fd, 5) == 0, "ftruncate");
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == 5 && S_ISREG(st.st_mode), "fstat size and type");
    CHECK(fsync(fd) == 0 && fdatasync(fd) == 0, "fsync");
    CHECK(close(fd) == 0, "close");
    CHECK(close(fd) == -1 && errno == EBADF, "close twice is EBADF");

    fd = open("/sandbox/dir/a.txt", O_WRONLY | O_APPEND);
    CHECK(fd >= 0 && write(fd, "!", 1) == 1 && close(fd) == 0, "append");
    fd = open("/sandbox/dir/a.txt", O_RDWR | O_APPEND);
    CHECK(fd >= 0 && pwrite(fd, "H", 1, 0) == 1 && lseek(fd, 0, SEEK_END) == 6 && close(fd) == 0, "pwrite ignores O_APPEND");
    FILE *f = fopen("/sandbox/dir/a.txt", "r");
    memset(buf, 0, sizeof buf);
    CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "Hello!") == 0, "read back with stdio");
    if (f) fclose(f);

    CHECK(open("/sandbox/dir/a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST, "O_EXCL on existing is EEXIST");
    CHECK(open("/sandbox/dir/missing", O_RDONLY) == -1 && errno == ENOENT, "missing is ENOENT");
    CHECK(open("/sandbox/dir/a.txt/x", O_RDONLY) == -1 && errno == ENOTDIR, "through a file is ENOTDIR");
    CHECK(open("/sandbox/dir/a.txt", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR, "O_DIRECTORY on file is ENOTDIR");

    CHECK(rename("/sandbox/dir/a.txt", "/sandbox/dir/b.txt") == 0, "rename");
    CHECK(access("/sandbox/dir/a.txt", F_OK) == -1 && errno == ENOENT, "old name gone");
    CHECK(link("/sandbox/dir/b.txt", "/sandbox/dir/hard.txt") == 0, "link");
    struct stat s1, s2;
    CHECK(stat("/sandbox/dir/b.txt", &s1) == 0 && stat("/sandbox/dir/hard.txt", &s2) == 0 && s1.st_ino == s2.st_ino && s1.st_nlink == 2, "hard link shares inode");

    CHECK(symlink("b.txt", "/sandbox/dir/sym") == 0, "symlink");
    memset(buf, 0, sizeof buf);
    CHECK(readlink("/sandbox/dir/sym", buf, sizeof buf) == 5 && strcmp(buf, "b.txt") == 0, "readlink");
    CHECK(lstat("/sandbox/dir/sym", &st) == 0 && S_ISLNK(st.st_mode), "lstat sees link");
    CHECK(stat("/sandbox/dir/sym", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 6, "stat follows link");
    f = fopen("/sandbox/dir/sym", "r");
    memset(buf, 0, sizeof buf);
    CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "Hello!") == 0, "open through symlink");
    if (f) fclose(f);

    struct timeval times[2] = {{1000000000, 0}, {1234567890, 0}};
    CHECK(utimes("/sandbox/dir/b.txt", times) == 0 && stat("/sandbox/dir/b.txt", &st) == 0 && st.st_mtim.tv_sec == 1234567890, "utimes");

    DIR *d = opendir("/sandbox/dir");
    char *names[16];
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) && n < 16) names[n++] = strdup(e->d_name);
    if (d) closedir(d);
    qsort(names, n, sizeof *names, cmp);
    printf("readdir:");
    for (int i = 0; i < n; i++) printf(" %s", names[i]);
    printf("\n");

    // fd_advise, fd_allocate, fd_fdstat_set_flags, fd_filestat_set_times through their libc wrappers.
    fd = open("/sandbox/dir/alloc.bin", O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0 && posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0, "posix_fadvise");
    CHECK(posix_fallocate(fd, 0, 100) == 0 && fstat(fd, &st) == 0 && st.st_size == 100, "posix_fallocate");
    CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND) && lseek(fd, 0, SEEK_SET) == 0 &&
          write(fd, "z", 1) == 1 && fstat(fd, &st) == 0 && st.st_size == 101, "fcntl O_APPEND appends");
    struct timespec ts[2] = {{0, UTIME_OMIT}, {1500000000, 123456789}};
    CHECK(futimens(fd, ts) == 0 && fstat(fd, &st) == 0 && st.st_mtim.tv_sec == 1500000000 && st.st_mtim.tv_nsec == 123456789, "futimens keeps nanoseconds");
    CHECK(close(fd) == 0 && unlink("/sandbox/dir/alloc.bin") == 0, "cleanup alloc.bin");
    CHECK(isatty(1) == 0 && errno == ENOTTY, "captured stdout is not a tty");
    CHECK(shutdown(1, SHUT_RDWR) == -1 && errno == ENOTSOCK, "shutdown on a non-socket is ENOTSOCK");

    // Enough entries that readdir needs several fd_readdir calls (cookies) to list them.
    CHECK(mkdir("/sandbox/many", 0755) == 0, "mkdir many");
    char path[64];
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, "/sandbox/many/entry-with-a-long-name-%03d", i);
        int m = open(path, O_CREAT | O_WRONLY, 0644);
        if (m >= 0) close(m);
    }
    int count = 0;
    d = opendir("/sandbox/many");
    while (d && readdir(d)) count++;
    if (d) closedir(d);
    CHECK(count == 302, "readdir lists 300 entries plus . and ..");
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, "/sandbox/many/entry-with-a-long-name-%03d", i);
        unlink(path);
    }
    CHECK(rmdir("/sandbox/many") == 0, "rmdir many");

    CHECK(rmdir("/sandbox/dir") == -1 && errno == ENOTEMPTY, "rmdir non-empty is ENOTEMPTY");
    CHECK(unlink("/sandbox/dir") == -1 && (errno == EISDIR || errno == EPERM), "unlink dir fails");
    CHECK(unlink("/sandbox/dir/sym") == 0 && unlink("/sandbox/dir/hard.txt") == 0 && unlink("/sandbox/dir/b.txt") == 0, "unlink");
    CHECK(rmdir("/sandbox/dir") == 0, "rmdir");
    CHECK(access("/sandbox/dir", F_OK) == -1 && errno == ENOENT, "dir gone");

    printf("failures=%d\n", failures);
    return failures == 0 ? 0 : 1;
}
