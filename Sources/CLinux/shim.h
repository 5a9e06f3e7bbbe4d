// Linux interfaces Swift's Glibc module leaves out, for the proxy's relay: epoll for the
// relay loops, eventfd to wake them, signalfd to take signals without a handler.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>

// accept4 is declared only under _GNU_SOURCE: a non-blocking, close-on-exec accept in one call.
static inline int pgentra_accept_nonblocking(int fd) {
    extern int accept4(int, struct sockaddr *, socklen_t *, int);
    return accept4(fd, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

// MSG_NOSIGNAL: a peer gone away makes send fail with EPIPE instead of raising SIGPIPE.
static const int pgentra_MSG_NOSIGNAL = MSG_NOSIGNAL;
