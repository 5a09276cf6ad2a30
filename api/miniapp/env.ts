import type { Services } from '../services.js';
import type { AuthVariables } from './auth.js';

export type MiniEnv = { Variables: AuthVariables };

export interface MiniApiDeps {
  services: Services;
  /** INIT_DATA_MAX_AGE_SECONDS */
  maxAgeSeconds: number;
}
