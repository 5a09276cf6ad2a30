import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/errors.js';
import { buildErrorWorkbook, REFERRAL_FILE_LIMITS, type ReferralFileErrorCode } from '../core/referrals/import/index.js';
import { UsageError } from './usage.js';
import type { Services } from '../app/services.js';
import { writePrivateFile } from './private-file.js';

export const REFERRALS_IMPORT_USAGE = `  referrals import <file.xlsx|file.csv>
      loads a table of referred patients (path relative to the project folder); prints how many were imported, already
      known and rejected, and writes the rejected rows with the reason beside the file as <name>.errors.xlsx`;

const MAX_MB = REFERRAL_FILE_LIMITS.maxBytes / 1024 / 1024;

const REFUSALS: Record<ReferralFileErrorCode, (details: Record<string, string | number>) => string> = {
  referral_file_empty: () => 'the file is empty',
  referral_file_too_big: () => `the file is larger than ${MAX_MB} MB (or unpacks to far more); split the table`,
  referral_file_too_many_rows: () => `the table has more than ${REFERRAL_FILE_LIMITS.maxRows} rows; split it`,
  referral_file_not_table: (d) => `not a spreadsheet (XLSX or CSV)${d.detected ? `: its content is ${d.detected}` : ''}`,
  referral_file_old_excel: () => 'an old Excel .xls file; save it as .xlsx or CSV first',
  referral_file_opendocument: () => 'an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV first',
  referral_file_unreadable: () => 'the file is damaged or cannot be opened; save it again as .xlsx or CSV',
  referral_file_no_header: () =>
    'no header row in the first 20 rows; it must name the columns ФИО, Дата рождения, Телефон, Центр, Заболевание (see docs/referrals.md)',
  referral_file_missing_columns: (d) => `required columns missing: ${d.columns}`,
  referral_file_no_rows: () => 'no filled row under the header',
};

/** Where the rejected rows of `file` are written: beside it, `<name>.errors.xlsx`. */
export function errorFileFor(file: string): string {
  const { dir, name } = path.parse(file);
  return path.join(dir, `${name}.errors.xlsx`);
}

export async function referralsImportCommand(services: Services, args: string[], log: (line: string) => void = console.log): Promise<void> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) throw new UsageError(`Usage:\n${REFERRALS_IMPORT_USAGE}`);
  const full = path.resolve(file);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UsageError(`No such file: ${full}`);
  if (statSync(full).size > REFERRAL_FILE_LIMITS.maxBytes) throw new UsageError(`Not imported: ${REFUSALS.referral_file_too_big({})}. Nothing was changed.`);
  let result;
  try {
    result = await services.referralImport.importFile({ bytes: readFileSync(full), fileName: path.basename(full), actor: { type: 'system' } });
  } catch (err) {
    const refusal = err instanceof DomainError ? REFUSALS[err.code as ReferralFileErrorCode] : undefined;
    if (!refusal) throw err;
    throw new UsageError(`Not imported: ${refusal((err as DomainError).details)}. Nothing was changed.`);
  }
  log(`${path.basename(full)}: ${result.imported} imported (invite SMS queued), ${result.known} already known, ${result.rejected.length} rejected.`);
  if (result.imported > 0 && services.smsGateway.name === 'log') {
    log('Warning: no SMS provider is configured (SMS_PROVIDER): the invites are written to the service log only, no patient receives them.');
  }
  if (result.rejected.length === 0) return;
  const out = errorFileFor(full);
  writePrivateFile(out, await buildErrorWorkbook(result.columns, result.rejected));
  log(`Rejected rows, each with what to fix in the column «Ошибка»: ${out}`);
  log('Correct them in that file and import it again; people already imported are not duplicated.');
}
