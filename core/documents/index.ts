export { MAX_FILE_BYTES, DEFAULT_PROCESSING_MEGAPIXELS, createDocumentService } from './service.js';
export type { DocumentService, DocumentServiceDeps, IngestInput, IngestResult } from './service.js';
export type { DocumentSummary, PatientDocument } from './repository.js';
export type { DocumentErrorCode } from './errors.js';
export { MAX_INPUT_PIXELS } from './images.js';
