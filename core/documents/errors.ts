import { DomainError } from '../errors.js';

/** Every expected refusal of the document pipeline; the bot and the API map each to a message. */
export type DocumentErrorCode =
  | 'empty_file'
  | 'file_too_big'
  | 'unsupported_type'
  | 'heic'
  | 'image_too_large'
  | 'image_broken'
  | 'pdf_encrypted'
  | 'pdf_broken'
  | 'unknown_kind'
  | 'busy';

export function documentError(code: DocumentErrorCode, details?: Record<string, string | number>): DomainError<DocumentErrorCode> {
  return new DomainError(code, details);
}
