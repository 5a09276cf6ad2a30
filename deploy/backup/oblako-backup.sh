#!/bin/sh
# A backup with history (docs/operations.md, "Backups with history"): the service's own consistent copy of the
# database and files (the CLI's `backup`, made while the service runs) into a staging folder, then a restic snapshot
# of that folder into an encrypted repository, then old snapshots thinned to the retention below.
# Settings (deploy/backup/backup.env.example): RESTIC_REPOSITORY, RESTIC_PASSWORD_FILE; optional OBLAKO_DIR,
# OBLAKO_CLI, BACKUP_STAGING, KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY.
set -eu
: "${RESTIC_REPOSITORY:?set RESTIC_REPOSITORY (e.g. sftp:backup@backup-host:/srv/restic/oblako)}"
: "${RESTIC_PASSWORD_FILE:?set RESTIC_PASSWORD_FILE (the repository key; keep a copy off this host)}"
OBLAKO_DIR=${OBLAKO_DIR:-/opt/oblako}
OBLAKO_CLI=${OBLAKO_CLI:-node dist/cli/main.js}
BACKUP_STAGING=${BACKUP_STAGING:-/var/backups/oblako/staging}

cd "$OBLAKO_DIR"
# Incremental: into a folder holding the previous copy only new files are copied.
$OBLAKO_CLI backup "$BACKUP_STAGING"

# The repository is made once, by hand (restic init); a missing one is an error here, not a silent new repository.
restic cat config >/dev/null
restic backup --quiet --tag oblako --host oblako "$BACKUP_STAGING"
restic forget --quiet --tag oblako --host oblako --prune --keep-last "${KEEP_LAST:-3}" \
  --keep-daily "${KEEP_DAILY:-14}" --keep-weekly "${KEEP_WEEKLY:-8}" --keep-monthly "${KEEP_MONTHLY:-12}"
# Reads back a twentieth of the data each night, so damage in the repository shows within weeks.
restic check --quiet --read-data-subset=1/20
