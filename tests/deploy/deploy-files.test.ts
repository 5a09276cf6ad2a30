import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { staff } from '../../db/schema.js';
import { clockEnv } from '../support/child-env.js';
import { REPO_ROOT } from '../support/service-process.js';

// The deployment material in deploy/, checked with the tools it is written for where this machine has them
// (.ci/run installs caddy and restic from Debian): a check that cannot run here is skipped, and says so by its name.
vi.setConfig({ testTimeout: 180_000 });

const DEPLOY = path.join(REPO_ROOT, 'deploy');
const work = mkdtempSync(path.join(tmpdir(), 'oz-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const read = (file: string) => readFileSync(path.join(DEPLOY, file), 'utf8');

describe('deploy/', () => {
  it.runIf(has('caddy'))('Caddyfile: valid for Caddy, routes the service paths only', () => {
    const out = execFileSync('caddy', ['validate', '--config', path.join(DEPLOY, 'Caddyfile'), '--adapter', 'caddyfile'], {
      env: { PATH: process.env.PATH ?? '', HOME: work, OBLAKO_DOMAIN: 'care.clinic.example', XDG_DATA_HOME: work, XDG_CONFIG_HOME: work },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/Valid configuration/);
    const matcher = /@service path (.+)/.exec(read('Caddyfile'))![1]!.split(/\s+/);
    expect(matcher).toEqual(expect.arrayContaining(['/app/*', '/api/*', '/webhook/*', '/verify', '/verify/*', '/healthz', '/room/*']));
    expect(matcher).not.toContain('/metrics');
  });

  it.runIf(has('systemd-analyze'))('the service and backup units pass systemd-analyze verify', () => {
    // verify checks that ExecStart exists: the units are checked as installed in this checkout instead of /opt/oblako.
    for (const unit of ['oblako.service', 'backup/oblako-backup.service', 'backup/oblako-backup.timer']) {
      const copy = path.join(work, path.basename(unit));
      writeFileSync(copy, read(unit).replaceAll('/opt/oblako', REPO_ROOT));
    }
    const result = spawnSync('systemd-analyze', ['verify', ...['oblako.service', 'oblako-backup.service', 'oblako-backup.timer'].map((u) => path.join(work, u))], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('the unit is hardened: own user, read-only system but DATA_DIR, loopback behind the proxy, restarts, a stop longer than the service’s cap', () => {
    const unit = read('oblako.service');
    for (const line of ['User=oblako', 'ProtectSystem=strict', 'ReadWritePaths=/var/lib/oblako', 'NoNewPrivileges=yes', 'Restart=on-failure', 'TimeoutStopSec=30s', 'ExecStart=/usr/bin/node dist/app/main.js']) {
      expect(unit).toContain(line);
    }
    expect(unit).toMatch(/HOST=127\.0\.0\.1 .*DATA_DIR=\/var\/lib\/oblako/);
  });

  it('the image: Node 22, non-root, a healthcheck on /healthz, the data in a volume, the production start', () => {
    const file = read('Dockerfile');
    expect(file.match(/^FROM node:22-slim/gm)).toHaveLength(2);
    expect(file).toMatch(/^USER node$/m);
    expect(file).toMatch(/^VOLUME \/data$/m);
    expect(file).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(file).toContain('npm prune --omit=dev');
    expect(file).toMatch(/^CMD \["node", "dist\/app\/main\.js"\]$/m);
    const compose = read('compose.yaml');
    expect(compose).toMatch(/oblako-data:\/data/);
    expect(compose).toMatch(/OBLAKO_UPSTREAM: oblako:8080/);
    expect(compose).toMatch(/condition: service_healthy/);
    // Compose's own healthcheck too: an OCI image (podman's default format) has none.
    expect(compose).toMatch(/healthcheck:\n\s+test: \["CMD", "node", "-e", ".*\/healthz/);
  });

  it("Jitsi's custom config: the browser stays in the call on a phone, no app banner, patients knock, the clinic's own STUN", () => {
    const config: Record<string, unknown> = { lobby: { enableChat: true }, p2p: { enabled: true } };
    const interfaceConfig: Record<string, unknown> = { MOBILE_APP_PROMO: true };
    runInNewContext(read('jitsi/custom-config.js'), { config });
    runInNewContext(read('jitsi/custom-interface_config.js'), { interfaceConfig });
    expect(config).toMatchObject({ disableDeepLinking: true, lobby: { autoKnock: true, enableChat: false }, p2p: { enabled: true, stunServers: [{ urls: expect.stringMatching(/^stun:turn\./) }] } });
    expect(interfaceConfig.MOBILE_APP_PROMO).toBe(false);
    const turn = read('jitsi/turnserver.conf');
    expect(turn).toMatch(/^tls-listening-port=443$/m);
    expect(turn).toMatch(/^use-auth-secret$/m);
    expect(turn).toMatch(/^denied-peer-ip=10\.0\.0\.0-10\.255\.255\.255$/m);
  });

  it.runIf(has('restic'))('backups with history: two nightly runs are two snapshots in an encrypted repository; the drill restores and reads one back', () => {
    const dataDir = path.join(work, 'data');
    const db = openDatabase(path.join(dataDir, 'db.sqlite'));
    db.insert(staff).values({ name: 'Примерова Ольга', role: 'doctor', centerCode: 'bakulev' }).run();
    db.$client.close();
    const password = path.join(work, 'restic-password');
    writeFileSync(password, 'drill-password-not-for-production\n', { mode: 0o600 });
    const env = {
      ...clockEnv(),
      PATH: process.env.PATH ?? '',
      HOME: work,
      RESTIC_REPOSITORY: path.join(work, 'repo'),
      RESTIC_PASSWORD_FILE: password,
      RESTIC_CACHE_DIR: path.join(work, 'cache'),
      OBLAKO_DIR: REPO_ROOT,
      OBLAKO_CLI: `${process.execPath} --import tsx cli/main.ts`,
      BACKUP_STAGING: path.join(work, 'staging'),
      DATA_DIR: dataDir,
      PATIENT_BOT_TOKEN: '7001234567:AAF-backup-drill-test-token',
    };
    const run = (file: string, ...args: string[]) => execFileSync(path.join(DEPLOY, 'backup', file), args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync('restic', ['init'], { env, stdio: 'ignore' });
    run('oblako-backup.sh');
    const later = openDatabase(path.join(dataDir, 'db.sqlite'));
    later.insert(staff).values({ name: 'Учебный Андрей', role: 'manager', centerCode: 'kulakov' }).run();
    later.$client.close();
    run('oblako-backup.sh');
    const snapshots = JSON.parse(execFileSync('restic', ['snapshots', '--json', '--tag', 'oblako'], { env, encoding: 'utf8' })) as Array<{ short_id: string; time: string }>;
    expect(snapshots).toHaveLength(2);
    // Encrypted: the patient-data database's text is nowhere in the repository's files.
    const grep = spawnSync('grep', ['-r', '-l', 'Примерова', path.join(work, 'repo')]);
    expect(grep.status).toBe(1);

    const latest = run('restore-drill.sh');
    expect(latest).toMatch(/Примерова Ольга\tdoctor/);
    expect(latest).toMatch(/Учебный Андрей\tmanager/);
    expect(latest).toMatch(/restore drill passed/);
    // History: the earlier night is still there, as it was.
    const earlier = run('restore-drill.sh', [...snapshots].sort((a, b) => a.time.localeCompare(b.time))[0]!.short_id);
    expect(earlier).toMatch(/Примерова Ольга\tdoctor/);
    expect(earlier).not.toMatch(/Учебный Андрей/);
  });
});
