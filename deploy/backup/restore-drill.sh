#!/bin/sh
# The restore drill (docs/operations.md): takes a restic snapshot (the latest by default) back into a scratch
# folder, restores it with the CLI into a scratch DATA_DIR (which checks the manifest, the database's sha256 and
# integrity, and every file against its hash), and reads it back (the staff list). Touches nothing of the service.
# Usage: restore-drill.sh [snapshot-id]   with the same settings as oblako-backup.sh.
set -eu
: "${RESTIC_REPOSITORY:?set RESTIC_REPOSITORY}"
: "${RESTIC_PASSWORD_FILE:?set RESTIC_PASSWORD_FILE}"
OBLAKO_DIR=${OBLAKO_DIR:-/opt/oblako}
OBLAKO_CLI=${OBLAKO_CLI:-node dist/cli/main.js}
SNAPSHOT=${1:-latest}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/oblako-drill-XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

restic restore "$SNAPSHOT" --tag oblako --target "$SCRATCH/restic"
# restic keeps the absolute path of the staging folder under the target.
BACKUP=$(dirname "$(find "$SCRATCH/restic" -name manifest.json -print -quit)")
[ -f "$BACKUP/manifest.json" ] || { echo "no manifest.json in snapshot $SNAPSHOT" >&2; exit 1; }

cd "$OBLAKO_DIR"
export DATA_DIR="$SCRATCH/data"
$OBLAKO_CLI restore "$BACKUP"
$OBLAKO_CLI staff list
echo "restore drill passed: snapshot $SNAPSHOT restored and read back"
