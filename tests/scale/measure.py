"""Requests per second through each layer that tests/scale/run.sh started, measured with wrk.

Run by run.sh after the checks pass; prints a Markdown table for docs/scaling.md. Each figure is
one wrk run of SCALE_MEASURE_SECONDS (default 3) at 16 connections on this machine: the
app instances, PostgreSQL, Redis, nginx and wrk all share its cores, so read the figures
against each other, not as a capacity.
"""

import os
import re
import subprocess
import time

from tests.scale.stack import APP_URLS, BALANCER_URL, PROXY_URL, SITE_HOST, run

SECONDS = os.environ.get("SCALE_MEASURE_SECONDS", "3")
PAGE = "/en/partners/"
UNCACHED = "/en/search/?q=enfants"


def requests_per_second(url):
    """One wrk run against `url`: requests/s (float). Raises if any answer was not 2xx/3xx."""
    done = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{SECONDS}s", "-H", f"Host: {SITE_HOST}", url],
        capture_output=True,
        text=True,
        check=True,
    )
    if "Non-2xx or 3xx responses" in done.stdout:
        raise RuntimeError(f"errors while measuring {url}:\n{done.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def main():
    a = APP_URLS[0]
    rows = [
        ("Bare view: /healthz on one instance (one SELECT 1)", f"{a}/healthz"),
        ("Partners page, one instance (page cache in Redis)", f"{a}{PAGE}"),
        ("Partners page, two instances behind nginx (no proxy cache)", f"{BALANCER_URL}{PAGE}"),
        ("Partners page through the caching proxy", f"{PROXY_URL}{PAGE}"),
        ("Search (never cached), one instance, reads on the replica", f"{a}{UNCACHED}"),
        ("Search (never cached), two instances, reads on the replica", f"{BALANCER_URL}{UNCACHED}"),
    ]
    results = [(label, requests_per_second(url)) for label, url in rows]
    run("SCALE_REPLICA_STOP")
    try:
        time.sleep(1)
        url = f"{BALANCER_URL}{UNCACHED}"
        label = "Search (never cached), two instances, replica stopped: primary"
        results.append((label, requests_per_second(url)))
    finally:
        run("SCALE_REPLICA_START")
    print(f"\n| What ({SECONDS} s, 16 connections) | requests/s |\n|---|---:|")
    for label, value in results:
        print(f"| {label} | {value:,.0f} |")


if __name__ == "__main__":
    main()
