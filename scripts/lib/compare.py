"""Runs two commands alternately, RUNS times each, and prints median wall time, the ratio of the
first to the second, and each one's peak resident memory. Used by the benchmark scripts."""
import os
import shlex
import statistics
import subprocess
import sys
import time


def measure(argv):
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed with status {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss  # kilobytes on Linux


def main():
    runs = int(sys.argv[1])
    (name_a, command_a, name_b, command_b) = sys.argv[2:6]
    a, b = shlex.split(command_a), shlex.split(command_b)
    for _ in range(5):  # page cache and dynamic loader warm-up, not counted
        measure(a)
        measure(b)
    times_a, times_b, rss_a, rss_b = [], [], [], []
    for _ in range(runs):
        t, m = measure(a)
        times_a.append(t)
        rss_a.append(m)
        t, m = measure(b)
        times_b.append(t)
        rss_b.append(m)
    median_a, median_b = statistics.median(times_a), statistics.median(times_b)
    print(f"runs: {runs} each, alternating")
    print(f"{name_a}: median {median_a * 1000:.2f} ms, peak RSS {max(rss_a) / 1024:.1f} MiB")
    print(f"{name_b}: median {median_b * 1000:.2f} ms, peak RSS {max(rss_b) / 1024:.1f} MiB")
    print(f"wall-time ratio ({name_a} / {name_b}): {median_a / median_b:.2f}")


if __name__ == "__main__":
    main()
