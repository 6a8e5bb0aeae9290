// samples/hello: the smallest Spin app Spindle serves, a Wagi (CGI) component in C.
// The header block ends at the first blank line; the rest is the response body.
#include <stdio.h>

int main(void) {
    printf("Content-Type: text/plain\n\nHello, Spindle!\n");
    return 0;
}
