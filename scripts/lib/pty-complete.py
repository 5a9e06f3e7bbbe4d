"""Times Tab completion in two interactive shells on a pseudo-terminal, alternately, and prints
the median time from the Tab to the answer on the screen, for the first Tab of a session (cold:
pgentra fills its catalog cache there) and for the later ones (cached), with the ratio of the
first shell to the second. Used by scripts/bench-completion.

    pty-complete.py [--unset-a NAME]... [--term TERM] [--rounds N] --case TYPED TAB-ANSWER REST...
                    RUNS NAME_A COMMAND_A NAME_B COMMAND_B

Each of RUNS runs starts the command on a new 200x50 terminal (TERM=dumb unless --term) and waits
for its prompt (`=> `). Then, ROUNDS times (default 20), for each --case in turn: it types TYPED,
waits until the shell has echoed it, presses Tab, and times until TAB-ANSWER has appeared in
what the shell wrote after the Tab (the completed text, e.g. `b_` for `ta` → `tab_`). Then it
types REST (which ends the statement the completion began, e.g. `42;`), presses Enter and
waits for `(0 rows)` and the next prompt, so a wrong completion fails the run instead of being
timed. Start-up, sign-in and the typing are not timed. The first Tab of each run counts as
cold; every other Tab as cached, per case. PTY_COMPLETE_SHOW=1 prints what each Tab drew.
"""
import argparse
import fcntl
import os
import pty
import select
import shlex
import statistics
import struct
import sys
import termios
import time


class Shell:
    def __init__(self, argv, env, timeout=30):
        self.argv = argv
        self.timeout = timeout
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        self.received = bytearray()

    def fail(self, message):
        sys.exit(f"{self.argv[0]}: {message}: {bytes(self.received[-400:])!r}")

    def wait_for(self, needle):
        """Reads until `needle` is in what was received since the last `forget`; returns the
        time it was seen (perf_counter)."""
        deadline = time.monotonic() + self.timeout
        searched = 0
        while needle not in self.received[searched:]:
            searched = max(0, len(self.received) - len(needle))
            wait = deadline - time.monotonic()
            if wait <= 0:
                self.fail(f"timed out waiting for {needle!r}")
            ready, _, _ = select.select([self.fd], [], [], wait)
            if ready:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    self.fail("closed the terminal")
                self.received.extend(chunk)
        return time.perf_counter()

    def forget(self):
        del self.received[:]

    def send(self, data):
        while data:
            data = data[os.write(self.fd, data):]

    def tab(self, typed, answer, rest):
        """Types `typed`, then times one Tab until `answer` shows; finishes the statement."""
        self.forget()
        self.send(typed)
        # Both shells echo each typed character; the last few mean the line is all in.
        self.wait_for(typed[-4:])
        self.forget()
        start = time.perf_counter()
        self.send(b"\t")
        end = self.wait_for(answer)
        if os.environ.get("PTY_COMPLETE_SHOW"):
            print(f"{self.argv[0]}: {typed!r} Tab -> {bytes(self.received[:300])!r}", file=sys.stderr)
        self.send(rest + b"\r")
        self.wait_for(b"(0 rows)")
        self.wait_for(b"=> ")
        return end - start

    def close(self):
        try:
            self.send(b"\\q\r")
            while True:
                ready, _, _ = select.select([self.fd], [], [], 10)
                if not ready or not os.read(self.fd, 1 << 16):
                    break
        except OSError:
            pass
        finally:
            os.close(self.fd)
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def session(argv, env, cases, rounds):
    """One shell's timings: (cold seconds, {case index: [cached seconds]})."""
    shell = Shell(argv, env)
    try:
        shell.wait_for(b"=> ")
        cold, cached = None, {index: [] for index in range(len(cases))}
        for _ in range(rounds):
            for index, case in enumerate(cases):
                elapsed = shell.tab(*case)
                if cold is None:
                    cold = elapsed
                else:
                    cached[index].append(elapsed)
        return cold, cached
    finally:
        shell.close()


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--unset-a", action="append", default=[])
    parser.add_argument("--term", default="dumb")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--case", nargs=3, action="append", required=True, metavar=("TYPED", "ANSWER", "REST"))
    parser.add_argument("runs", type=int)
    parser.add_argument("name_a")
    parser.add_argument("command_a")
    parser.add_argument("name_b")
    parser.add_argument("command_b")
    args = parser.parse_args()
    cases = [tuple(part.encode() for part in case) for case in args.case]
    env_b = dict(os.environ, TERM=args.term)
    env_a = {name: value for name, value in env_b.items() if name not in args.unset_a}
    shells = [(args.name_a, shlex.split(args.command_a), env_a), (args.name_b, shlex.split(args.command_b), env_b)]
    cold = {name: [] for name, _, _ in shells}
    cached = {name: {index: [] for index in range(len(cases))} for name, _, _ in shells}
    for _ in range(args.runs):
        for name, argv, env in shells:
            first, later = session(argv, env, cases, args.rounds)
            cold[name].append(first)
            for index, times in later.items():
                cached[name][index].extend(times)
    a, b = args.name_a, args.name_b
    print(f"runs: {args.runs} sessions each, alternating, {args.rounds} rounds of {len(cases)} Tabs a session; "
          f"TERM={args.term}, 200x50 terminal")
    rows = [(f"first Tab of a session (cold), {cases[0][0].decode()!r}", cold[a], cold[b])]
    for index, case in enumerate(cases):
        rows.append((f"later Tabs (cached), {case[0].decode()!r} -> {case[1].decode()!r}",
                     cached[a][index], cached[b][index]))
    for title, times_a, times_b in rows:
        median_a, median_b = statistics.median(times_a), statistics.median(times_b)
        print(f"{title}: {a} median {ms(median_a)} (max {ms(max(times_a))}, {len(times_a)} Tabs), "
              f"{b} median {ms(median_b)} (max {ms(max(times_b))}); ratio {a}/{b} {median_a / median_b:.2f}")


if __name__ == "__main__":
    main()
