// Exits with argv[1] as the code: "exit" through exit() (flushing stdio), "raw" through proc_exit directly,
// "trap" hits unreachable, "return" returns from main.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

int main(int argc, char **argv) {
    if (argc < 3) return 99;
    int code = atoi(argv[2]);
    printf("before exit\n");
    if (strcmp(argv[1], "exit") == 0) exit(code);
    if (strcmp(argv[1], "raw") == 0) { fflush(stdout); __wasi_proc_exit(code); }
    if (strcmp(argv[1], "trap") == 0) { fflush(stdout); __builtin_trap(); }
    return code;
}
