import type { Services } from '../../api/services.js';

/** The staff bot works with the whole service graph; its token is the staff bot's. */
export type StaffBotDeps = Services & { staffToken: string };
