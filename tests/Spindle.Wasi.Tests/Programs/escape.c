// Sandbox escape attempts through the raw WASI API on the first preopen (fd 3). Prints "name errno" per attempt;
// the test compares them with the expected errnos and checks nothing outside the preopen changed.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define RIGHTS_RW (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE)

static void attempt(const char *name, __wasi_errno_t e) { printf("%s %d\n", name, e); }

static __wasi_errno_t open_at(const char *path, __wasi_lookupflags_t lookup, __wasi_oflags_t oflags) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(3, lookup, path, oflags, RIGHTS_RW, RIGHTS_RW, 0, &fd);
    if (e == 0) { __wasi_errno_t closed = __wasi_fd_close(fd); (void)closed; }
    return e;
}

static __wasi_errno_t open_at_fd(__wasi_fd_t dir, const char *path) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(dir, 0, path, 0, RIGHTS_RW, RIGHTS_RW, 0, &fd);
    if (e == 0) { __wasi_errno_t closed = __wasi_fd_close(fd); (void)closed; }
    return e;
}

int main(void) {
    __wasi_filestat_t st;
    attempt("dotdot", open_at("../outside/secret.txt", 0, 0));
    attempt("nested_dotdot", open_at("sub/../../outside/secret.txt", 0, 0));
    attempt("absolute", open_at("/etc/passwd", 0, 0));
    attempt("host_symlink_out", open_at("link_out/secret.txt", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0));
    attempt("host_symlink_abs", open_at("link_abs", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0));
    attempt("create_through_link", open_at("link_out/new.txt", 0, __WASI_OFLAGS_CREAT));
    attempt("guest_symlink_up", __wasi_path_symlink("../outside", 3, "up"));
    attempt("guest_symlink_abs", __wasi_path_symlink("/etc", 3, "etc"));
    attempt("guest_symlink_inside", __wasi_path_symlink("sub", 3, "inside"));
    attempt("follow_inside", open_at("inside/file.txt", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0));
    attempt("stat_through_link", __wasi_path_filestat_get(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "link_out", &st));
    attempt("mkdir_dotdot", __wasi_path_create_directory(3, "../outside/made"));
    attempt("unlink_dotdot", __wasi_path_unlink_file(3, "../outside/secret.txt"));
    attempt("rename_out", __wasi_path_rename(3, "sub/file.txt", 3, "../outside/moved.txt"));
    attempt("link_out", __wasi_path_link(3, 0, "sub/file.txt", 3, "../outside/hard.txt"));
    attempt("loop", open_at("loop", __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, 0));
    attempt("nofollow_link", open_at("inside", 0, 0));
    attempt("prestat_bad_fd", __wasi_fd_prestat_get(99, NULL));
    char target[256];
    __wasi_size_t used = 0;
    attempt("readlink_abs", __wasi_path_readlink(3, "link_abs", (uint8_t *)target, sizeof target, &used));
    attempt("readlink_rel", __wasi_path_readlink(3, "link_out", (uint8_t *)target, sizeof target, &used));
    printf("readlink_rel_target %.*s\n", (int)used, target);

    // A directory descriptor whose directory is then renamed and replaced by a symlink pointing outside: the
    // descriptor keeps naming the directory (as a POSIX fd does), never the symlink.
    __wasi_fd_t sub;
    attempt("open_sub", __wasi_path_open(3, 0, "sub", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &sub));
    attempt("move_sub", __wasi_path_rename(3, "sub", 3, "sub_moved"));
    attempt("link_as_sub", __wasi_path_rename(3, "link_out", 3, "sub"));
    attempt("moved_dirfd_open_secret", open_at_fd(sub, "secret.txt"));
    attempt("moved_dirfd_open_file", open_at_fd(sub, "file.txt"));
    attempt("moved_dirfd_readdir", __wasi_fd_readdir(sub, (uint8_t *)target, sizeof target, 0, &used));
    __wasi_filestat_t moved, renamed;
    attempt("moved_dirfd_stat", __wasi_fd_filestat_get(sub, &moved));
    attempt("sub_moved_stat", __wasi_path_filestat_get(3, 0, "sub_moved", &renamed));
    printf("moved_dirfd_is_sub_moved %d\n", moved.ino == renamed.ino);
    attempt("moved_dirfd_climb", open_at_fd(sub, "../sub/secret.txt"));
    return 0;
}
