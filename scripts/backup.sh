#!/usr/bin/env bash
# Backs up the portal into one folder: a consistent dump of the database and an archive of the uploaded files,
# with SHA-256 sums so that a restore can tell a damaged copy before it touches anything.
#
#   scripts/backup.sh /var/backups/ntm/2026-11-23
#
# Environment (defaults in brackets): DB_HOST [127.0.0.1], DB_PORT [3306], DB_NAME [ntm], DB_USER [ntm],
# DB_PASSWORD, FILES_DIR [data/files], MARIADB_BIN (folder holding mariadb-dump, when it is not on PATH).
set -euo pipefail

target=${1:?usage: backup.sh <folder to create>}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-ntm}
DB_USER=${DB_USER:-ntm}
FILES_DIR=${FILES_DIR:-data/files}
bin=${MARIADB_BIN:+$MARIADB_BIN/}

if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  echo "backup: $target exists and is not empty; choose a new folder" >&2
  exit 2
fi
mkdir -p "$target"

# The database first, in one transaction (InnoDB: no lock, a consistent snapshot). Files are only ever added,
# so every file the dump refers to already exists when the files are archived just after.
# DEFINER clauses are dropped so that the dump restores under any account.
MYSQL_PWD=${DB_PASSWORD:-} "${bin}mariadb-dump" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" \
  --single-transaction --routines --triggers --hex-blob --default-character-set=utf8mb4 "$DB_NAME" \
  | sed -E 's#/\*!50017 DEFINER=[^*]*\*/##g; s/DEFINER=`[^`]*`(@`[^`]*`)?//g' > "$target/database.sql"

if [ -d "$FILES_DIR" ]; then
  tar -C "$FILES_DIR" -czf "$target/files.tar.gz" .
else
  tar -czf "$target/files.tar.gz" --files-from /dev/null
fi

(cd "$target" && sha256sum database.sql files.tar.gz > SHA256SUMS)
echo "backup: database $DB_NAME and files from $FILES_DIR saved in $target"
