#!/usr/bin/python3
"""Turns one server's round (h2load summary, h2load per-request log, stream client JSON, VmHWM)
into one JSON line. Percentiles come from the per-request log (h2load prints only mean/sd)."""
import json
import re
import sys

server, round_no, summary_path, log_path, stream_path, hwm_kb, expected = sys.argv[1:8]
summary = open(summary_path).read()
rps = float(re.search(r"finished in [^,]+, ([\d.]+) req/s", summary).group(1))
done = re.search(r"requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored", summary)
succeeded, failed, errored = int(done.group(3)), int(done.group(4)), int(done.group(5))
latencies = sorted(int(line.split("\t")[2]) for line in open(log_path) if line.strip())
if len(latencies) != succeeded + failed + errored:
    sys.exit(f"{log_path} has {len(latencies)} requests, h2load reported {succeeded + failed + errored}")


def percentile(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] / 1000.0


stream = json.load(open(stream_path))
print(json.dumps({
    "server": server, "round": int(round_no), "rps": rps, "succeeded": succeeded, "failed": failed + errored,
    "expected": int(expected), "p50_ms": percentile(50), "p99_ms": percentile(99), "max_ms": latencies[-1] / 1000.0,
    "stream_msgs_per_s": stream["messages_per_second"], "stream_failures": stream["failures"],
    "peak_rss_mb": round(int(hwm_kb) / 1024.0, 1),
}))
