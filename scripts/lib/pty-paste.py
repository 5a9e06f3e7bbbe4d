"""Types one long line into two interactive shells on a pseudo-terminal, alternately, RUNS times
each, and prints the median time from the first byte typed to the result, and the ratio of the
first to the second. Used by scripts/bench-longline for the terminal case.

    pty-paste.py [--unset-a NAME]... [--term TERM] RUNS LENGTH NAME_A COMMAND_A NAME_B COMMAND_B

Each run starts the command on a new 200x50 terminal (TERM=dumb unless --term), waits for its prompt (`=> `), writes
`select length('xxx...') as len;` (LENGTH x's, then Enter) 4 KiB at a time while reading what
the shell echoes, waits for `(1 row)`, checks that the result shows LENGTH, and quits with `\\q`.
Start-up and sign-in are not timed.
"""
import argparse
import os
import pty
import select
import shlex
import statistics
import struct
import sys
import termios
import fcntl
import time


def paste(argv, env, length, timeout=900):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    received = bytearray()
    deadline = time.monotonic() + timeout

    def take(wait):
        ready, _, _ = select.select([fd], [], [], wait)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                sys.exit(f"{argv[0]} closed the terminal: {bytes(received[-300:])!r}")
            received.extend(chunk)

    def wait_for(needle):
        searched = 0
        while needle not in received[searched:]:
            searched = max(0, len(received) - len(needle))
            if time.monotonic() > deadline:
                sys.exit(f"{argv[0]}: timed out waiting for {needle!r}: {bytes(received[-300:])!r}")
            take(1)
        return received.index(needle, searched)

    try:
        wait_for(b"=> ")
        del received[:]
        line = memoryview(b"select length('" + b"x" * length + b"') as len;\r")
        start = time.perf_counter()
        while line:
            readable, writable, _ = select.select([fd], [fd], [], 5)
            if readable:
                take(0)
            if writable:
                line = line[os.write(fd, line[:4096]):]
        end = wait_for(b"(1 row)")
        elapsed = time.perf_counter() - start
        if f" {length}\r\n".encode() not in received[max(0, end - 100):end]:
            sys.exit(f"{argv[0]}: unexpected result: {bytes(received[max(0, end - 300):end + 7])!r}")
        wait_for(b"=> ")
        os.write(fd, b"\\q\r")
        while True:
            ready, _, _ = select.select([fd], [], [], 10)
            try:
                if not ready or not os.read(fd, 1 << 16):
                    break
            except OSError:
                break
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{argv[0]} exited with status {os.waitstatus_to_exitcode(status)}")
        return elapsed
    finally:
        os.close(fd)
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--unset-a", action="append", default=[])
    parser.add_argument("--term", default="dumb")
    parser.add_argument("runs", type=int)
    parser.add_argument("length", type=int)
    parser.add_argument("name_a")
    parser.add_argument("command_a")
    parser.add_argument("name_b")
    parser.add_argument("command_b")
    args = parser.parse_args()
    env_b = dict(os.environ, TERM=args.term)
    env_a = {name: value for name, value in env_b.items() if name not in args.unset_a}
    a, b = shlex.split(args.command_a), shlex.split(args.command_b)
    times_a, times_b = [], []
    for _ in range(args.runs):
        times_a.append(paste(a, env_a, args.length))
        times_b.append(paste(b, env_b, args.length))
    median_a, median_b = statistics.median(times_a), statistics.median(times_b)
    print(f"runs: {args.runs} each, alternating; TERM={args.term}, 200x50 terminal")
    print(f"{args.name_a}: median {median_a:.2f} s ({', '.join(f'{t:.2f}' for t in times_a)})")
    print(f"{args.name_b}: median {median_b:.2f} s ({', '.join(f'{t:.2f}' for t in times_b)})")
    print(f"wall-time ratio ({args.name_a} / {args.name_b}): {median_a / median_b:.2f}")


if __name__ == "__main__":
    main()
