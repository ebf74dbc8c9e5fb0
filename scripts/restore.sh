#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: checks the sums, then replaces the database and the uploaded
# files with the saved ones. Stop the portal first; start it again afterwards (Flyway then applies any newer
# migrations, so a backup of an older version restores too).
#
#   scripts/restore.sh /var/backups/ntm/2026-11-23
#
# Environment: as for backup.sh. The database account needs the right to drop and create the database (the
# migration account; the application's account cannot). FILES_DIR must be the portal's files folder (it holds the
# .ntm-portal-files mark the portal writes), or be empty or not exist yet (a new server): anything else is refused,
# so a mistyped FILES_DIR never deletes someone else's files.
set -euo pipefail

source=${1:?usage: restore.sh <backup folder>}
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-ntm}
DB_USER=${DB_USER:-ntm}
FILES_DIR=${FILES_DIR:-$project/data/files}
bin=${MARIADB_BIN:+$MARIADB_BIN/}
marker=.ntm-portal-files

refuse() { echo "restore: $*; nothing changed" >&2; exit 2; }

(cd "$source" && sha256sum --quiet --check SHA256SUMS) || refuse "the backup in $source is damaged"

# Every check before the first change: the files folder must be the portal's, or new.
if [ -e "$FILES_DIR" ]; then
  [ -d "$FILES_DIR" ] && [ ! -L "$FILES_DIR" ] || refuse "FILES_DIR $FILES_DIR is not a folder"
  FILES_DIR=$(cd "$FILES_DIR" && pwd -P)
  [ "$FILES_DIR" != / ] && [ "$FILES_DIR" != "$HOME" ] && [ "$FILES_DIR" != "$project" ] \
    || refuse "FILES_DIR $FILES_DIR cannot be the portal's files folder"
  if [ -n "$(ls -A "$FILES_DIR")" ] && [ ! -f "$FILES_DIR/$marker" ]; then
    refuse "$FILES_DIR is not the portal's files folder (no $marker) and is not empty; check FILES_DIR"
  fi
fi
tar -tzf "$source/files.tar.gz" > /dev/null || refuse "the files archive in $source cannot be read"

client() { MYSQL_PWD=${DB_PASSWORD:-} "${bin}mariadb" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 "$@"; }

client -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
client "$DB_NAME" < "$source/database.sql"

mkdir -p "$FILES_DIR"
# only inside the checked folder, never following links out of it
find "$FILES_DIR" -mindepth 1 -delete
tar -C "$FILES_DIR" -xzf "$source/files.tar.gz" --no-same-owner
[ -f "$FILES_DIR/$marker" ] || printf 'Uploaded files of the NTM training portal (portal.files.dir).\n' > "$FILES_DIR/$marker"
echo "restore: database $DB_NAME and files in $FILES_DIR restored from $source"
