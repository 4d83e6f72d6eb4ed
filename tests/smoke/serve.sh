#!/usr/bin/env bash
# Smoke test of the production stack without containers: the same settings as the compose file
# (DEBUG off, a TLS proxy in front, a non-default admin address), collectstatic, migrate, the demo
# content, gunicorn on 127.0.0.1 with config/gunicorn.py; then tests/smoke over HTTP; then stop.
# Needs DATABASE_URL (PostgreSQL, as in production). Usage: make smoke. With SMOKE_DB_STOP and
# SMOKE_DB_START (commands that stop and start PostgreSQL), it also takes the database away.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL database the smoke test may write to}"
BIN=.venv/bin
work=$(mktemp -d)
port=${SMOKE_PORT:-8765}

export ENV_FILE=/dev/null DEBUG=false ALLOWED_HOSTS=127.0.0.1 BEHIND_TLS_PROXY=true \
    SITE_URL="https://127.0.0.1:$port" \
    SECURE_SSL_REDIRECT=true SECRET_KEY="smoke-$(head -c 24 /dev/urandom | base64)" \
    STATIC_ROOT="$work/static" MEDIA_ROOT="$work/media" CACHE_DIR="$work/cache" ADMIN_URL=gestion/ \
    GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS=2 LOG_LEVEL=INFO \
    DB_STATEMENT_TIMEOUT=3
export SMOKE_BASE_URL="http://127.0.0.1:$port" SMOKE_ADMIN_PATH=/gestion/ \
    SMOKE_LOG="$work/gunicorn.log" SMOKE_EDITOR=smoke-editor \
    SMOKE_PASSWORD="smoke-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

$BIN/python manage.py collectstatic --noinput -v 0
$BIN/python manage.py migrate --noinput -v 0
$BIN/python manage.py load_demo_content >/dev/null
$BIN/python manage.py shell -c "
import os
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username=os.environ['SMOKE_EDITOR'])
user.is_staff = user.is_superuser = True
user.set_password(os.environ['SMOKE_PASSWORD'])
user.save()
"

$BIN/gunicorn --config config/gunicorn.py config.wsgi >"$SMOKE_LOG" 2>&1 &
gunicorn_pid=$!
trap 'kill $gunicorn_pid 2>/dev/null; wait $gunicorn_pid 2>/dev/null; rm -rf "$work"' EXIT
$BIN/python - <<'PY'
import os, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(os.environ["SMOKE_BASE_URL"] + "/healthz", timeout=2)
        break
    except OSError:
        time.sleep(0.2)
PY

status=0
$BIN/pytest tests/smoke -p no:cacheprovider -q "$@" || status=$?
if [ $status -ne 0 ]; then
    echo "--- gunicorn's log"
    cat "$SMOKE_LOG"
fi
exit $status
