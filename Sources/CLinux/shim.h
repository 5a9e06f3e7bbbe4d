// Linux interfaces Swift's Glibc module leaves out, for the proxy's relay: epoll for the
// relay loops, eventfd to wake them, signalfd to take signals without a handler.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>

// accept4 is declared only under _GNU_SOURCE, and <sys/socket.h> belongs to Swift's Glibc
// module, so it is declared here: a non-blocking, close-on-exec accept in one call (no other
// thread's posix_spawn can inherit the socket in between). The flag values are Linux's on
// every architecture Debian builds pgentra for (SOCK_NONBLOCK = O_NONBLOCK, SOCK_CLOEXEC =
// O_CLOEXEC); MSG_NOSIGNAL is the same on all of Linux.
struct sockaddr;
extern int accept4(int fd, struct sockaddr *address, unsigned int *length, int flags);

static inline int pgentra_accept_nonblocking(int fd) {
    return accept4(fd, 0, 0, 04000 | 02000000);
}

// A peer gone away makes send fail with EPIPE instead of raising SIGPIPE.
static const int pgentra_MSG_NOSIGNAL = 0x4000;
