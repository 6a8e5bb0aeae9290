// Copies stdin to stdout in upper case (the HTTP host passes a request body as stdin and captures stdout).
#include <ctype.h>
#include <stdio.h>

int main(void) {
    int c;
    while ((c = getchar()) != EOF) putchar(toupper(c));
    return 0;
}
