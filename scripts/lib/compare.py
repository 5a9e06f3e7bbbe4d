"""Runs two commands alternately, RUNS times each, and prints median wall time, the ratio of the
first to the second, and each one's peak resident memory. Used by the benchmark scripts.

Peak memory comes from separate runs under GNU time (/usr/bin/time, package `time`): a child's
ru_maxrss counts the memory of the process that forked it, so measured from here every command
would seem to use at least this Python process's ~14 MiB. Without /usr/bin/time it falls back to
that, and says so.

    compare.py [OPTION]... RUNS NAME_A COMMAND_A NAME_B COMMAND_B

Options (all optional; without them stdout and stderr go to /dev/null and both commands get this
process's environment):
  --stdout PATH        where both commands' stdout goes (default /dev/null)
  --stdin PATH         a file both commands read as stdin, afresh each run (default: this
                       process's stdin)
  --env-a NAME=VALUE   extra environment variable for command A only (repeatable)
  --env-b NAME=VALUE   extra environment variable for command B only (repeatable)
  --unset-a NAME       remove NAME from command A's environment (repeatable; also --unset-b),
                       e.g. to give only B a secret passed to this script in its environment
  --warmup N           untimed runs of each before measuring (default 5)
  --same-output        before timing, run each once into a pipe and fail unless both printed
                       the same bytes (so both do the same work) and nothing on stderr
  --rss-runs N         runs of each under /usr/bin/time for peak memory (default 3)
  --title TEXT         a heading line printed first
"""
import argparse
import hashlib
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"
STDIN = None  # --stdin


def standard_input():
    """A fresh handle on the --stdin file for one run, or None to inherit this process's stdin."""
    return open(STDIN, "rb") if STDIN else None


def environment(pairs, unset):
    env = {name: value for name, value in os.environ.items() if name not in unset}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            sys.exit(f"compare.py: --env-a/--env-b take NAME=VALUE, not {pair!r}")
        env[name] = value
    return env


def measure(argv, env, sink):
    source = standard_input()
    with open(sink, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=source, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    if source:
        source.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed with status {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss  # kilobytes on Linux


def peak_rss(argv, env, sink):
    """Peak resident memory in KiB, measured by GNU time so that this process's own is not counted."""
    if not os.access(GNU_TIME, os.X_OK):
        return measure(argv, env, sink)[1]
    with tempfile.NamedTemporaryFile("r") as report:
        measure([GNU_TIME, "-f", "%M", "-o", report.name, *argv], env, sink)
        return int(report.read().split()[-1])


def output_digest(argv, env):
    digest, size = hashlib.sha256(), 0
    source = standard_input()
    process = subprocess.Popen(argv, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if source:
        source.close()
    while chunk := process.stdout.read(1 << 20):
        digest.update(chunk)
        size += len(chunk)
    stderr = process.stderr.read()
    if process.wait() != 0:
        sys.exit(f"{argv[0]} failed with status {process.returncode}: {stderr.decode(errors='replace')}")
    if stderr:
        sys.exit(f"{argv[0]} wrote to stderr: {stderr.decode(errors='replace')}")
    return digest.hexdigest(), size


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--stdout", default=os.devnull)
    parser.add_argument("--stdin")
    parser.add_argument("--env-a", action="append", default=[])
    parser.add_argument("--env-b", action="append", default=[])
    parser.add_argument("--unset-a", action="append", default=[])
    parser.add_argument("--unset-b", action="append", default=[])
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--same-output", action="store_true")
    parser.add_argument("--rss-runs", type=int, default=3)
    parser.add_argument("--title")
    parser.add_argument("runs", type=int)
    parser.add_argument("name_a")
    parser.add_argument("command_a")
    parser.add_argument("name_b")
    parser.add_argument("command_b")
    args = parser.parse_args()
    global STDIN
    STDIN = args.stdin
    a, b = shlex.split(args.command_a), shlex.split(args.command_b)
    env_a, env_b = environment(args.env_a, args.unset_a), environment(args.env_b, args.unset_b)
    if args.title:
        print(args.title, flush=True)
    if args.same_output:
        (digest_a, size_a), (digest_b, size_b) = output_digest(a, env_a), output_digest(b, env_b)
        if digest_a != digest_b:
            sys.exit(f"outputs differ: {args.name_a} printed {size_a} bytes, {args.name_b} {size_b}")
        print(f"same output: {size_a} bytes, sha256 {digest_a[:16]}")
    for _ in range(args.warmup):  # page cache and dynamic loader warm-up, not counted
        measure(a, env_a, args.stdout)
        measure(b, env_b, args.stdout)
    times_a, times_b, rss_a, rss_b = [], [], [], []
    for _ in range(args.runs):
        times_a.append(measure(a, env_a, args.stdout)[0])
        times_b.append(measure(b, env_b, args.stdout)[0])
    for _ in range(args.rss_runs):
        rss_a.append(peak_rss(a, env_a, args.stdout))
        rss_b.append(peak_rss(b, env_b, args.stdout))
    median_a, median_b = statistics.median(times_a), statistics.median(times_b)
    peak_a, peak_b = max(rss_a) / 1024, max(rss_b) / 1024
    how = "GNU time" if os.access(GNU_TIME, os.X_OK) else (
        "wait4 from Python, NOT corrected: at least this script's own "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB; install package `time`")
    print(f"runs: {args.runs} each, alternating; peak RSS: max of {args.rss_runs} more each ({how})")
    print(f"{args.name_a}: median {median_a * 1000:.2f} ms, peak RSS {peak_a:.1f} MiB")
    print(f"{args.name_b}: median {median_b * 1000:.2f} ms, peak RSS {peak_b:.1f} MiB")
    print(f"wall-time ratio ({args.name_a} / {args.name_b}): {median_a / median_b:.2f}")
    print(f"peak-RSS ratio ({args.name_a} / {args.name_b}): {peak_a / peak_b:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
