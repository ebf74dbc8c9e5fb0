#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh: checks the sums, then replaces the database and the uploaded
# files with the saved ones. Stop the portal first; start it again afterwards (Flyway then applies any newer
# migrations, so a backup of an older version restores too).
#
#   scripts/restore.sh /var/backups/ntm/2026-11-23
#
# Environment: as for backup.sh. The database account needs the right to drop and create the database.
set -euo pipefail

source=${1:?usage: restore.sh <backup folder>}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-ntm}
DB_USER=${DB_USER:-ntm}
FILES_DIR=${FILES_DIR:-data/files}
bin=${MARIADB_BIN:+$MARIADB_BIN/}

(cd "$source" && sha256sum --quiet --check SHA256SUMS) || { echo "restore: the backup in $source is damaged; nothing changed" >&2; exit 2; }

client() { MYSQL_PWD=${DB_PASSWORD:-} "${bin}mariadb" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --default-character-set=utf8mb4 "$@"; }

client -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
client "$DB_NAME" < "$source/database.sql"

mkdir -p "$FILES_DIR"
find "$FILES_DIR" -mindepth 1 -delete
tar -C "$FILES_DIR" -xzf "$source/files.tar.gz"
echo "restore: database $DB_NAME and files in $FILES_DIR restored from $source"
