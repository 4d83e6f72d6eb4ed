"""gunicorn (2 workers, production settings) under wrk: requests/s, latency, errors, memory."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# BENCH_PORT: another port when several runs share a machine.
PORT = int(os.environ.get("BENCH_PORT", "8766"))
BASE = f"http://127.0.0.1:{PORT}"
DURATION, CONNECTIONS, THREADS = 10, 16, 2


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk from Debian packages…", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)


def resident_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def workers(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return [int(pid) for pid in children]


class Gunicorn:
    def __init__(self, environment, log):
        self.environment = {**os.environ, **environment, "GUNICORN_BIND": f"127.0.0.1:{PORT}"}
        self.log = log

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "--config", "config/gunicorn.py", "config.wsgi"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.environment, stdout=self.log, stderr=subprocess.STDOUT
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{BASE}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start: see the log")
        return self

    def memory_kb(self):
        return {pid: resident_kb(pid) for pid in workers(self.process.pid)}

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def warm(path):
    """Enough requests for every worker to have compiled its templates and filled its cache.

    Sent by wrk, as many at once as the timed run sends: one request after another would all
    be taken by the same idle worker, and the other's memory would be measured cold.
    """
    urllib.request.urlopen(f"{BASE}{path}", timeout=30).read()
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "-d2s", "--timeout", "10s"]
    subprocess.run([*command, f"{BASE}{path}"], capture_output=True, check=True)


def run_wrk(path):
    url = f"{BASE}{path}"
    warm(path)
    # A 10 s timeout: wrk's default of 2 s would count a slow page as a failed one.
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s"]
    result = subprocess.run(
        [*command, "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return parse_wrk(result.stdout)


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse_wrk(output):
    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if match:
        errors += int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        errors += sum(int(n) for n in match.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99_ms": milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }
