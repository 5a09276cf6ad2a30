import { ConfigError, loadConfig, type Config } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { startService } from './service.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // One line a person can act on; the details of each key are in README.
      console.error(`${err.message} (see README.md, "Configuration")`);
      process.exit(1);
    }
    throw err;
  }
}

const config = readConfig();
await startService(config, createLogger(config.logLevel));
