// Writes under a read-only preopen (/ro): reading works, every change is refused.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/stat.h>

int main(void) {
    char buf[16] = {0};
    int fd = open("/ro/file.txt", O_RDONLY);
    printf("read %d\n", fd >= 0 && read(fd, buf, sizeof buf) > 0 ? 0 : errno);
    if (fd >= 0) close(fd);
    printf("create %d\n", open("/ro/new.txt", O_CREAT | O_WRONLY, 0644) >= 0 ? 0 : errno);
    printf("mkdir %d\n", mkdir("/ro/d", 0755) == 0 ? 0 : errno);
    printf("unlink %d\n", unlink("/ro/file.txt") == 0 ? 0 : errno);
    fd = open("/ro/file.txt", O_WRONLY);
    printf("write %d\n", fd >= 0 && write(fd, "x", 1) == 1 ? 0 : errno);
    return 0;
}
