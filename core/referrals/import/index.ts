export { buildErrorWorkbook, ERROR_COLUMN, ROW_NUMBER_COLUMN } from './error-workbook.js';
export { FIELD_TITLES } from './headers.js';
export { createReferralImportService, type ReferralImportResult, type ReferralImportService, type RejectedRow } from './service.js';
export { REFERRAL_FILE_ERROR_CODES, REFERRAL_FILE_LIMITS, type Cell, type ReferralFileErrorCode } from './table.js';
