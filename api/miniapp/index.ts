import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { rateLimit, tooManyJson } from '../rate-limit.js';
import { initDataAuth } from './auth.js';
import type { MiniApiDeps, MiniEnv } from './env.js';
import { ApiError } from './errors.js';
import { consultationRoutes } from './routes/consultations.js';
import { fileRoutes } from './routes/files.js';
import { profileRoutes } from './routes/profile.js';
import { slotRoutes } from './routes/slots.js';
import { speedtestRoutes } from './routes/speedtest.js';

export type { MiniApiDeps } from './env.js';

/** The Mini App's API, mounted at /api. Init data is checked before anything else, on every route. */
export function createMiniApi(deps: MiniApiDeps) {
  const { services } = deps;
  const api = new Hono<MiniEnv>();
  api.use('*', async (c, next) => {
    // Patients' data: no cache on the way may keep a copy.
    c.header('Cache-Control', 'no-store');
    await next();
  });
  api.use(
    '*',
    initDataAuth({
      token: services.token,
      maxAgeSeconds: deps.maxAgeSeconds,
      clock: services.clock,
      account: (accountId) => services.booking.account(accountId),
    }),
  );
  // After auth: one signed-in user is one key whatever addresses their phone moves between.
  if (deps.perUser) api.use('*', rateLimit(deps.perUser, (c) => String(c.get('accountId') as number), tooManyJson));
  // Only requests that carry a body: touching the body of a GET would make the node adapter build a full Request.
  api.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '*',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: () => {
        throw new ApiError(413, 'body_too_large', 'Body too large');
      },
    }),
  );
  api.route('/', profileRoutes(deps));
  api.route('/', slotRoutes(deps));
  api.route('/', consultationRoutes(deps));
  api.route('/', fileRoutes(deps));
  api.route('/', speedtestRoutes());
  return api;
}
