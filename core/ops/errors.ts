/**
 * A refusal of a backup or restore: the operator is told what is wrong and nothing was changed (or what was
 * changed is said in the message). `code` is stable, for tests and scripts.
 */
export class OpsError extends Error {
  constructor(
    readonly code:
      | 'no_database'
      | 'backup_dir_inside_data_dir'
      | 'backup_dir_not_empty'
      | 'backup_busy'
      | 'not_a_backup'
      | 'backup_corrupt'
      | 'backup_newer_schema'
      | 'data_dir_inside_backup'
      | 'data_dir_not_empty'
      | 'database_in_use',
    message: string,
  ) {
    super(message);
    this.name = 'OpsError';
  }
}
