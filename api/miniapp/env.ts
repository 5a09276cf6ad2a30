import type { ApplicationRepository } from '../../core/applications/repository.js';
import type { BookingService } from '../../core/booking/service.js';
import type { Catalog } from '../../core/catalog/index.js';
import type { Clock } from '../../core/clock.js';
import type { ConclusionDownloads } from '../../core/conclusions/download.js';
import type { DocumentService } from '../../core/documents/service.js';
import type { Hit } from '../rate-limit.js';
import type { AuthVariables } from './auth.js';

export type MiniEnv = { Variables: AuthVariables };

/** What the Mini App's API works with; the composition root (app/services.ts) satisfies it. */
export interface MiniApiServices {
  /** The patient bot's token: init data is signed with it. */
  token: string;
  clock: Clock;
  catalog: Catalog;
  booking: BookingService;
  documents: Pick<DocumentService, 'get' | 'list' | 'readThumbnail'>;
  /** A patient's download of their conclusion's PDF, audited. */
  conclusionDownloads: ConclusionDownloads;
  applicationRepository: Pick<ApplicationRepository, 'ofPatient'>;
}

export interface MiniApiDeps {
  services: MiniApiServices;
  /** INIT_DATA_MAX_AGE_SECONDS */
  maxAgeSeconds: number;
  /** The per-user limit, counted by Telegram user id once init data is checked (api/rate-limit.ts); absent: none. */
  perUser?: Hit;
}
