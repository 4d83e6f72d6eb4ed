#!/bin/sh
# Put back a backup made by ops/backup.sh (README: Back up and restore): the database and the
# media folder become exactly what they were then. Everything since is lost.
#
#   ops/restore.sh /srv/backups/dei/2025-06-30
#
# Run it beside docker-compose.yml; on a new machine, after `cp .env.example .env` and editing it.
# STACK=local runs the very same commands on this machine instead, against DATABASE_URL and
# MEDIA_ROOT (stop the site first), with pg_restore on PATH.
set -eu

dir=${1:?usage: ops/restore.sh BACKUP_FOLDER}
for file in database.dump media.tar.gz; do
    if [ ! -s "$dir/$file" ]; then
        echo "$dir/$file is missing or empty: nothing was changed." >&2
        exit 1
    fi
done
# A damaged archive is refused before anything is removed.
tar --list --gzip --file="$dir/media.tar.gz" > /dev/null

if [ "${STACK:-compose}" = local ]; then
    in_db() { sh -c "$1"; }
    in_web() { sh -c "$1"; }
    database_up() { :; }
    stop_web() { :; }
    start_web() { :; }
else
    in_db() {
        docker compose exec -T db sh -c \
            "DATABASE_URL=\"postgresql:///\$POSTGRES_DB?user=\$POSTGRES_USER\"; $1"
    }
    # A one-off container with the web service's media volume: the site itself is stopped.
    in_web() { docker compose run --rm --no-deps -T --entrypoint sh web -c "$1"; }
    database_up() { docker compose up --detach --wait db; }
    stop_web() { docker compose stop web; }
    start_web() { docker compose up --detach web; }
fi
trap 'echo "Restore failed: see above. A failed pg_restore changes nothing; start the site again with: docker compose up -d web" >&2' EXIT

# 1. The database running (on a new machine, created empty); the site stopped, so that nobody
#    edits while the data is replaced.
database_up
stop_web
# 2. The database: every table dropped and created again from the dump, in one transaction
#    (any error and the database is left as it was).
in_db 'pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL"' \
    < "$dir/database.dump"
# 3. The media folder emptied, then filled from the archive.
in_web 'find "$MEDIA_ROOT" -mindepth 1 -delete && tar --extract --gzip --directory="$MEDIA_ROOT"' \
    < "$dir/media.tar.gz"
# 4. The site started again; it applies any migration newer than the backup.
start_web

trap - EXIT
echo "Restored from $dir."
