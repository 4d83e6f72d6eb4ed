"""gunicorn's settings, shared by the Docker image, CI's smoke test and the benchmark.

`gunicorn -c config/gunicorn.py config.wsgi`. GUNICORN_BIND and GUNICORN_WORKERS override the
defaults.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# A request that takes longer than this is killed, and logged as an error.
timeout = 30
graceful_timeout = 20
# Heartbeat files in memory: a container's overlay file system can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# One line per request on stdout: method, path without its query string (searches stay out of
# the log), status, bytes, duration, and the worker that answered ("<pid>": the smoke test
# checks that every worker serves the one shared page cache). No client address, no user
# agent, no referrer.
accesslog = "-"
access_log_format = (
    'request method=%(m)s path="%(U)s" status=%(s)s bytes=%(B)s ms=%(M)s worker=%(p)s'
)
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
