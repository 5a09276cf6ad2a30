import { ConfigError, loadConfig, readEnv } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { detectMode, type StartMode } from './start-mode.js';
import { startService } from './start-service.js';

function exitOnConfigError(err: unknown): never {
  if (err instanceof ConfigError) {
    // One line a person can act on; the details of each key are in README.
    console.error(`${err.message} (see README.md, "Configuration")`);
    process.exit(1);
  }
  throw err;
}

const env = readEnv();
let mode: StartMode;
try {
  mode = detectMode(env);
} catch (err) {
  exitOnConfigError(err);
}
if (mode === 'sandbox') {
  // Loaded only here: the sandbox (Bot API emulator, page, demo data) is never part of a configured service.
  const { startSandbox } = await import('../sandbox/start.js');
  await startSandbox(env).catch(exitOnConfigError);
} else {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    exitOnConfigError(err);
  }
  // A DATA_DIR another service holds is refused the same way, in one line.
  await startService(config, createLogger(config.logLevel)).catch(exitOnConfigError);
}
