#!/bin/sh
# Back up the site into a new folder (README: Back up and restore):
#   database.dump  the whole PostgreSQL database, in pg_dump's custom format
#   media.tar.gz   the media folder: the uploaded logos
#   content.json   all content again, portable (export_content; import_content reads it)
#
#   ops/backup.sh /srv/backups/dei/2025-06-30
#
# Run it beside docker-compose.yml while the stack is up. STACK=local runs the very same commands
# on this machine instead, for a site installed without Docker (and for the test
# tests/backups/test_backup_restore.py): DATABASE_URL and MEDIA_ROOT as the site reads them,
# pg_dump and the site's python on PATH.
set -eu

dir=${1:?usage: ops/backup.sh NEW_FOLDER}
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    echo "$dir is not empty: give a new folder, so that no backup is overwritten." >&2
    exit 1
fi
mkdir -p "$dir"

if [ "${STACK:-compose}" = local ]; then
    in_db() { sh -c "$1"; }
    in_web() { sh -c "$1"; }
else
    # The db container reaches its database over its own socket, named by its own variables.
    in_db() {
        docker compose exec -T db sh -c \
            "DATABASE_URL=\"postgresql:///\$POSTGRES_DB?user=\$POSTGRES_USER\"; $1"
    }
    in_web() { docker compose exec -T web sh -c "$1"; }
fi
trap 'echo "Backup failed: $dir is incomplete." >&2' EXIT

in_db 'pg_dump --format=custom --dbname="$DATABASE_URL"' > "$dir/database.dump"
in_web 'tar --create --gzip --directory="$MEDIA_ROOT" .' > "$dir/media.tar.gz"
in_web 'python manage.py export_content -' > "$dir/content.json"

trap - EXIT
echo "Backed up to $dir: database.dump, media.tar.gz, content.json."
