#!/usr/bin/env bash
# `make scale-test`: the site on more than one machine's worth of parts, all on 127.0.0.1, from
# Debian packages (no containers): PostgreSQL primary + streaming replica (pg_basebackup), Redis,
# two gunicorn instances ("hosts") and nginx as a caching proxy in front of them (the
# configuration of ops/proxy/, as docker compose's "proxy" profile uses), plus moto's S3 server
# for uploads on object storage. Then tests/scale over HTTP; then everything is stopped, on
# failure too. Ports: PostgreSQL 5441/5442, the rest 10001-10020. Needs /usr/lib/postgresql/*/bin,
# redis-server and nginx (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$PWD/.venv/bin
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PG_PRIMARY_PORT=${SCALE_PG_PRIMARY_PORT:-5441}
PG_REPLICA_PORT=${SCALE_PG_REPLICA_PORT:-5442}
REDIS_PORT=${SCALE_REDIS_PORT:-10001}
S3_PORT=${SCALE_S3_PORT:-10005}
PROXY_PORT=${SCALE_PROXY_PORT:-10010}
APP_PORTS=("${SCALE_APP_PORT_A:-10011}" "${SCALE_APP_PORT_B:-10012}")
BALANCER_PORT=${SCALE_BALANCER_PORT:-10020}
for tool in "$PG_BIN/pg_ctl" /usr/bin/redis-server /usr/sbin/nginx; do
    [ -x "$tool" ] || { echo "scale-test: $tool is missing (apt-get install postgresql redis-server nginx)" >&2; exit 2; }
done

for port in "$PG_PRIMARY_PORT" "$PG_REPLICA_PORT" "$REDIS_PORT" "$S3_PORT" "$PROXY_PORT" \
    "${APP_PORTS[@]}" "$BALANCER_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "scale-test: port $port is already in use (a previous run still going?)" >&2
        exit 2
    fi
done

work=$(mktemp -d /tmp/dei-scale.XXXXXX)
chmod 755 "$work"
pids=()
# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
# From /: the postgres user may not enter the folder CI cloned into.
as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
say() { echo "scale-test: $*"; }

cleanup() {
    status=$?
    set +e
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
    [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null
    for cluster in replica primary; do
        [ -f "$work/pg/$cluster/postmaster.pid" ] \
            && as_pg "$PG_BIN/pg_ctl" -D "$work/pg/$cluster" -m immediate -w stop >/dev/null 2>&1
    done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    if [ $status -ne 0 ]; then
        for log in "$work"/*.log "$work"/pg/*.log; do echo "--- $log (last 40 lines)"; tail -n 40 "$log"; done
    fi
    rm -rf "$work"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() {  # wait_for DESCRIPTION COMMAND...: up to 30 s
    local what=$1; shift
    for _ in $(seq 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
    echo "scale-test: $what did not start in 30 s" >&2
    return 1
}

say "PostgreSQL primary on $PG_PRIMARY_PORT, streaming replica on $PG_REPLICA_PORT"
# One folder the postgres user owns: both data folders and their logs.
mkdir -p "$work/pg" && if [ "$(id -u)" = 0 ]; then chown postgres "$work/pg"; fi
as_pg "$PG_BIN/initdb" -D "$work/pg/primary" -U dei -A trust -N >"$work/initdb.log"
pg_options() { echo "-p $1 -k $2 -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby_feedback=on"; }
as_pg "$PG_BIN/pg_ctl" -D "$work/pg/primary" -l "$work/pg/primary.log" -w \
    -o "$(pg_options "$PG_PRIMARY_PORT" "$work/pg/primary")" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U dei dei
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U dei -D "$work/pg/replica" -R -X stream -c fast
replica_start="$PG_BIN/pg_ctl -D $work/pg/replica -l $work/pg/replica.log -w -o '$(pg_options "$PG_REPLICA_PORT" "$work/pg/replica")' start"
replica_stop="$PG_BIN/pg_ctl -D $work/pg/replica -m fast -w stop"
as_pg bash -c "$replica_start" >/dev/null

say "Redis on $REDIS_PORT, moto's S3 server on $S3_PORT"
redis_start="/usr/bin/redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $work/redis.pid --logfile $work/redis.log"
bash -c "$redis_start"
"$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$work/moto.log" 2>&1 &
pids+=($!)

export ENV_FILE=/dev/null DEBUG=false ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false \
    SITE_URL=http://127.0.0.1:8080 \
    SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0 \
    SECRET_KEY="scale-$(head -c 24 /dev/urandom | base64)" ADMIN_URL=gestion/ \
    STATIC_ROOT="$work/static" MEDIA_ROOT="$work/media" LOG_LEVEL=INFO \
    DATABASE_URL="postgres://dei@127.0.0.1:$PG_PRIMARY_PORT/dei" \
    DATABASE_REPLICA_URL="postgres://dei@127.0.0.1:$PG_REPLICA_PORT/dei" \
    REPLICA_MAX_LAG_SECONDS=2 REPLICA_CHECK_SECONDS=0.5 \
    CACHE_URL="redis://127.0.0.1:$REDIS_PORT/0" PROXY_CACHE_SECONDS=3 \
    AXES_FAILURE_LIMIT=3 GUNICORN_WORKERS=1 BEHIND_TLS_PROXY=true \
    CSRF_TRUSTED_ORIGINS="https://127.0.0.1:$PROXY_PORT,https://127.0.0.1:${APP_PORTS[0]},https://127.0.0.1:${APP_PORTS[1]}"
export SCALE_EDITOR=scale-editor SCALE_PASSWORD="scale-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" \
    SCALE_ADMIN_PATH=/gestion/ SCALE_WORK="$work" \
    SCALE_PROXY_URL="http://127.0.0.1:$PROXY_PORT" SCALE_BALANCER_URL="http://127.0.0.1:$BALANCER_PORT" \
    SCALE_APP_URLS="http://127.0.0.1:${APP_PORTS[0]} http://127.0.0.1:${APP_PORTS[1]}" \
    SCALE_REDIS_STOP="/usr/bin/redis-cli -p $REDIS_PORT shutdown nosave" SCALE_REDIS_START="$redis_start" \
    SCALE_PSQL_PRIMARY="$PG_BIN/psql -h 127.0.0.1 -p $PG_PRIMARY_PORT -U dei -d dei -tAq" \
    SCALE_PSQL_REPLICA="$PG_BIN/psql -h 127.0.0.1 -p $PG_REPLICA_PORT -U dei -d dei -tAq" \
    SCALE_S3_URL="http://127.0.0.1:$S3_PORT"
if [ "$(id -u)" = 0 ]; then
    export SCALE_REPLICA_STOP="cd / && runuser -u postgres -- bash -c \"$replica_stop\"" \
        SCALE_REPLICA_START="cd / && runuser -u postgres -- bash -c \"$replica_start\""
else
    export SCALE_REPLICA_STOP="$replica_stop" SCALE_REPLICA_START="$replica_start"
fi

say "The site: collectstatic, migrate, demo content, an editor"
"$BIN/python" manage.py collectstatic --noinput -v 0
"$BIN/python" manage.py migrate --noinput -v 0
"$BIN/python" manage.py load_demo_content >/dev/null
"$BIN/python" manage.py shell -c "
import os
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username=os.environ['SCALE_EDITOR'])
user.is_staff = user.is_superuser = True
user.set_password(os.environ['SCALE_PASSWORD'])
user.save()
"

say "Two gunicorn instances on ${APP_PORTS[*]}"
for index in 0 1; do
    GUNICORN_BIND="127.0.0.1:${APP_PORTS[$index]}" "$BIN/gunicorn" --config config/gunicorn.py \
        config.wsgi >"$work/gunicorn-$index.log" 2>&1 &
    pids+=($!)
done

say "nginx: caching proxy on $PROXY_PORT, plain balancer on $BALANCER_PORT"
mkdir -p "$work/nginx-cache" "$work/nginx-tmp"
chmod 777 "$work/nginx-cache" "$work/nginx-tmp"
servers="server 127.0.0.1:${APP_PORTS[0]}; server 127.0.0.1:${APP_PORTS[1]};"
# The template's three names, filled in as the nginx image's envsubst would.
sed -e "s|\${PROXY_UPSTREAM_SERVERS}|$servers|" -e "s|\${PROXY_LISTEN}|127.0.0.1:$PROXY_PORT|" \
    -e "s|\${PROXY_CACHE_DIR}|$work/nginx-cache|" ops/proxy/default.conf.template >"$work/site.conf"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx-tmp/body;
    proxy_temp_path $work/nginx-tmp/proxy;
    fastcgi_temp_path $work/nginx-tmp/fastcgi;
    uwsgi_temp_path $work/nginx-tmp/uwsgi;
    scgi_temp_path $work/nginx-tmp/scgi;
    include $work/site.conf;
    # The same two instances without a cache: to measure them behind one address.
    server {
        listen 127.0.0.1:$BALANCER_PORT;
        location / {
            proxy_pass http://dei_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
        }
    }
}
CONF
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" -g "daemon on;"

for port in "${APP_PORTS[@]}"; do
    wait_for "gunicorn on $port" curl -sf "http://127.0.0.1:$port/healthz"
done
wait_for "nginx on $PROXY_PORT" curl -sf "http://127.0.0.1:$PROXY_PORT/healthz"
wait_for "moto on $S3_PORT" curl -s "http://127.0.0.1:$S3_PORT/"

say "Checks over HTTP (tests/scale)"
"$BIN/pytest" tests/scale -p no:cacheprovider -p no:randomly -q "$@"

if command -v wrk >/dev/null; then
    say "Requests per second (docs/scaling.md)"
    DJANGO_SETTINGS_MODULE=config.settings "$BIN/python" -m tests.scale.measure
else
    say "wrk is not installed: no figures measured (apt-get install wrk)"
fi
