/*
 * Kiln system layer for picolibc (tinystdio) on bare-metal Xtensa LX106 under QEMU -semihosting.
 *
 * QEMU's Xtensa semihosting (target/xtensa/xtensa-semi.c): the SIMCALL instruction with the call number in a2 and
 * arguments in a3..a5; the result comes back in a2 and the target errno in a3. Calls: exit 1, read 3, write 4,
 * open 5 (flags and mode go to the host's open(2) as they are, so they are translated to Linux values here),
 * close 6, lseek 19 (32-bit offsets), argc 1000, argv_sz 1001, argv 1002 (used by start.S). With "-serial none"
 * descriptors 0, 1 and 2 are QEMU's own stdin/stdout/stderr; other descriptors are host files.
 *
 * Provides what picolibc needs: open/close/read/write/lseek (fopen and friends), stdin/stdout/stderr, _exit
 * (exit(status) becomes QEMU's exit status), and stubs for the rest (kill/getpid for abort, gettimeofday, times,
 * unlink, fstat, isatty, getentropy).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <unistd.h>

#define KILN_SYS_EXIT 1
#define KILN_SYS_READ 3
#define KILN_SYS_WRITE 4
#define KILN_SYS_OPEN 5
#define KILN_SYS_CLOSE 6
#define KILN_SYS_LSEEK 19

/* Linux open(2) flags (asm-generic values, used by x86-64 and arm64 hosts). */
#define KILN_HOST_O_CREAT 0100
#define KILN_HOST_O_EXCL 0200
#define KILN_HOST_O_NOCTTY 0400
#define KILN_HOST_O_TRUNC 01000
#define KILN_HOST_O_APPEND 02000
#define KILN_HOST_O_NONBLOCK 04000
#define KILN_HOST_O_SYNC 04010000

static long kiln_simcall(long nr, long a, long b, long c, int *err)
{
    register long r2 __asm__("a2") = nr;
    register long r3 __asm__("a3") = a;
    register long r4 __asm__("a4") = b;
    register long r5 __asm__("a5") = c;
    __asm__ __volatile__("simcall" : "+r"(r2), "+r"(r3) : "r"(r4), "r"(r5) : "memory");
    *err = (int)r3;
    return r2;
}

static long kiln_result(long r, int err)
{
    if (r == -1) errno = err ? err : EIO;
    return r;
}

int open(const char *path, int flags, ...)
{
    int host = flags & O_ACCMODE;
    int mode = 0;
    int err;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
        host |= KILN_HOST_O_CREAT;
    }
    if (flags & O_EXCL) host |= KILN_HOST_O_EXCL;
    if (flags & O_NOCTTY) host |= KILN_HOST_O_NOCTTY;
    if (flags & O_TRUNC) host |= KILN_HOST_O_TRUNC;
    if (flags & O_APPEND) host |= KILN_HOST_O_APPEND;
    if (flags & O_NONBLOCK) host |= KILN_HOST_O_NONBLOCK;
    if (flags & O_SYNC) host |= KILN_HOST_O_SYNC;
    return (int)kiln_result(kiln_simcall(KILN_SYS_OPEN, (long)(uintptr_t)path, host, mode, &err), err);
}

int close(int fd)
{
    int err;
    return (int)kiln_result(kiln_simcall(KILN_SYS_CLOSE, fd, 0, 0, &err), err);
}

ssize_t read(int fd, void *buf, size_t n)
{
    int err;
    return (ssize_t)kiln_result(kiln_simcall(KILN_SYS_READ, fd, (long)(uintptr_t)buf, (long)n, &err), err);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    int err;
    return (ssize_t)kiln_result(kiln_simcall(KILN_SYS_WRITE, fd, (long)(uintptr_t)buf, (long)n, &err), err);
}

off_t lseek(int fd, off_t offset, int whence)
{
    int err;
    if (offset < INT32_MIN || offset > INT32_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (off_t)kiln_result(kiln_simcall(KILN_SYS_LSEEK, fd, (long)offset, whence, &err), err);
}

static int kiln_write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* stdin/stdout/stderr: line-buffered output streams on descriptors 1 and 2, flushed at '\n', when full, by
 * fflush and at exit; unbuffered input from descriptor 0. */
struct kiln_stream {
    FILE file;
    int fd;
    unsigned len;
    char buf[128];
};

static int kiln_stream_flush(FILE *f)
{
    struct kiln_stream *s = (struct kiln_stream *)f;
    unsigned n = s->len;
    s->len = 0;
    return (n && kiln_write_all(s->fd, s->buf, n) != 0) ? EOF : 0;
}

static int kiln_stream_put(char c, FILE *f)
{
    struct kiln_stream *s = (struct kiln_stream *)f;
    s->buf[s->len++] = c;
    if (c == '\n' || s->len == sizeof s->buf) {
        if (kiln_stream_flush(f) != 0) return _FDEV_ERR;
    }
    return (unsigned char)c;
}

static int kiln_stream_get(FILE *f)
{
    struct kiln_stream *s = (struct kiln_stream *)f;
    unsigned char c;
    ssize_t n = read(s->fd, &c, 1);
    if (n == 1) return c;
    return n == 0 ? _FDEV_EOF : _FDEV_ERR;
}

static struct kiln_stream kiln_stdin = {
    .file = FDEV_SETUP_STREAM(NULL, kiln_stream_get, NULL, _FDEV_SETUP_READ), .fd = 0 };
static struct kiln_stream kiln_stdout = {
    .file = FDEV_SETUP_STREAM(kiln_stream_put, NULL, kiln_stream_flush, _FDEV_SETUP_WRITE), .fd = 1 };
static struct kiln_stream kiln_stderr = {
    .file = FDEV_SETUP_STREAM(kiln_stream_put, NULL, kiln_stream_flush, _FDEV_SETUP_WRITE), .fd = 2 };

FILE *const stdin = &kiln_stdin.file;
FILE *const stdout = &kiln_stdout.file;
FILE *const stderr = &kiln_stderr.file;

void _exit(int status)
{
    int err;
    kiln_stream_flush(&kiln_stdout.file);
    kiln_stream_flush(&kiln_stderr.file);
    for (;;) kiln_simcall(KILN_SYS_EXIT, status, 0, 0, &err);
}

int kill(pid_t pid, int sig)
{
    static const char msg[] = "kiln: program aborted\n";
    (void)pid;
    kiln_stream_flush(&kiln_stdout.file);
    kiln_stream_flush(&kiln_stderr.file);
    kiln_write_all(2, msg, sizeof msg - 1);
    _exit(128 + (sig & 127));
}

pid_t getpid(void) { return 1; }

int isatty(int fd) { return fd >= 0 && fd <= 2; }

int fstat(int fd, struct stat *st)
{
    (void)fd;
    memset(st, 0, sizeof *st);
    errno = ENOSYS;
    return -1;
}

int unlink(const char *path)
{
    (void)path;
    errno = ENOSYS;
    return -1;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
    (void)tv;
    (void)tz;
    errno = ENOSYS;
    return -1;
}

clock_t times(struct tms *buf)
{
    (void)buf;
    errno = ENOSYS;
    return (clock_t)-1;
}

int getentropy(void *buf, size_t n)
{
    (void)buf;
    (void)n;
    errno = ENOSYS;
    return -1;
}

/* Called from the exception vectors (start.S) on a private stack; reports and exits with status 134. */
struct kiln_msg {
    char text[256];
    unsigned n;
};

static void kiln_msg_puts(struct kiln_msg *m, const char *s)
{
    while (*s && m->n < sizeof m->text) m->text[m->n++] = *s++;
}

static void kiln_msg_putx(struct kiln_msg *m, unsigned v)
{
    static const char hex[] = "0123456789abcdef";
    char t[11];
    int i;
    t[0] = '0';
    t[1] = 'x';
    for (i = 0; i < 8; i++) t[2 + i] = hex[(v >> (28 - 4 * i)) & 15u];
    t[10] = 0;
    kiln_msg_puts(m, t);
}

void __kiln_xtensa_fault(unsigned vector, unsigned cause, unsigned pc, unsigned vaddr) __attribute__((noreturn));
void __kiln_xtensa_fault(unsigned vector, unsigned cause, unsigned pc, unsigned vaddr)
{
    static const char *const vectors[] = {"user exception", "kernel exception", "level-2 interrupt",
                                          "NMI/level-3 interrupt", "double exception"};
    struct kiln_msg m;
    int err;
    m.n = 0;
    kiln_msg_puts(&m, "kiln: xtensa ");
    kiln_msg_puts(&m, vector < 5 ? vectors[vector] : "exception");
    kiln_msg_puts(&m, ", EXCCAUSE ");
    kiln_msg_putx(&m, cause);
    kiln_msg_puts(&m, cause == 0 ? " (illegal instruction, e.g. integer division by zero)" :
                      cause == 9 ? " (unaligned load/store)" :
                      (cause == 2 || cause == 3 || (cause >= 12 && cause <= 15)) ? " (access to unmapped memory)" :
                      (cause == 20 || cause == 28 || cause == 29) ? " (prohibited access)" : "");
    kiln_msg_puts(&m, " at PC ");
    kiln_msg_putx(&m, pc);
    kiln_msg_puts(&m, ", EXCVADDR ");
    kiln_msg_putx(&m, vaddr);
    kiln_msg_puts(&m, "\n");
    kiln_stream_flush(&kiln_stdout.file);
    kiln_stream_flush(&kiln_stderr.file);
    kiln_write_all(2, m.text, m.n);
    for (;;) kiln_simcall(KILN_SYS_EXIT, 134, 0, 0, &err);
}
