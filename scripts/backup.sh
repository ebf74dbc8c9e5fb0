#!/usr/bin/env bash
# Backs up the portal into one folder: a consistent dump of the database and an archive of the uploaded files,
# with SHA-256 sums so that a restore can tell a damaged copy before it touches anything.
#
#   scripts/backup.sh /var/backups/ntm/2026-11-23
#
# Environment (defaults in brackets): DB_HOST [127.0.0.1], DB_PORT [3306], DB_NAME [ntm], DB_USER [ntm],
# DB_PASSWORD, FILES_DIR [data/files of the portal's folder, wherever the script is run from],
# MARIADB_BIN (folder holding mariadb-dump, when it is not on PATH),
# EXPECT_NO_FILES=1 when the portal holds no uploaded file yet (otherwise an empty files folder is refused).
set -euo pipefail

target=${1:?usage: backup.sh <folder to create>}
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_NAME=${DB_NAME:-ntm}
DB_USER=${DB_USER:-ntm}
FILES_DIR=${FILES_DIR:-$project/data/files}
bin=${MARIADB_BIN:+$MARIADB_BIN/}
marker=.ntm-portal-files

refuse() { echo "backup: $*; nothing saved" >&2; exit 2; }

# A backup that silently leaves the files out is worse than none: check the folder before anything is written.
[ -d "$FILES_DIR" ] || refuse "the files folder $FILES_DIR does not exist (set FILES_DIR to the portal's portal.files.dir)"
FILES_DIR=$(cd "$FILES_DIR" && pwd)
[ -f "$FILES_DIR/$marker" ] || refuse "$FILES_DIR is not the portal's files folder (it has no $marker, which the portal writes at start)"
if [ -z "$(find "$FILES_DIR" -mindepth 1 ! -name "$marker" -print -quit)" ] && [ "${EXPECT_NO_FILES:-}" != 1 ]; then
  refuse "$FILES_DIR holds no uploaded file; if that is expected, run again with EXPECT_NO_FILES=1"
fi

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

tar -C "$FILES_DIR" -czf "$target/files.tar.gz" .
tar -tzf "$target/files.tar.gz" | grep -x "./$marker" > /dev/null || refuse "the files archive came out without $marker"

(cd "$target" && sha256sum database.sql files.tar.gz > SHA256SUMS)
echo "backup: database $DB_NAME and files from $FILES_DIR ($(tar -tzf "$target/files.tar.gz" | grep -vc '/$') files) saved in $target"
