import { describe, expect, it } from 'vitest';
import { createDownloadLinks, DOWNLOAD_LINK_TTL_MS } from '../../../core/conclusions/download-link.js';
import { manualClock } from '../../support/service-harness.js';

const claims = { conclusionId: 12, patientId: 34, accountId: 5_550_001 };

describe('signed conclusion download links', () => {
  it('a link checks out with its claims until its expiry, and is expired from that moment on', () => {
    const clock = manualClock();
    const links = createDownloadLinks({ botToken: '1:token', clock });
    const { token, expiresAt } = links.issue(claims);
    expect(expiresAt).toBe(clock.now() + DOWNLOAD_LINK_TTL_MS);
    expect(links.check(token)).toEqual({ ok: true, claims: { ...claims, expiresAt } });
    clock.set(expiresAt - 1);
    expect(links.check(token).ok).toBe(true);
    clock.set(expiresAt);
    expect(links.check(token)).toEqual({ ok: false, reason: 'link_expired' });
  });

  it('a link signed with another bot token, or with any part changed, is invalid', () => {
    const clock = manualClock();
    const { token } = createDownloadLinks({ botToken: '1:old-token', clock }).issue(claims);
    const links = createDownloadLinks({ botToken: '1:token', clock });
    expect(links.check(token)).toEqual({ ok: false, reason: 'link_invalid' });
    const own = links.issue(claims).token;
    const parts = own.split('.');
    for (let i = 0; i < 4; i++) {
      const changed = [...parts];
      changed[i] = String(Number(changed[i]) + 1);
      expect(links.check(changed.join('.')), `part ${i}`).toEqual({ ok: false, reason: 'link_invalid' });
    }
    for (const junk of ['', 'a.b.c.d.e', `${own}x`, own.replace(/\.[^.]+$/, '.'), `${'1.'.repeat(4)}${'A'.repeat(44)}`]) {
      expect(links.check(junk), junk).toEqual({ ok: false, reason: 'link_invalid' });
    }
  });
});
