import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { emptyVaultDocument } from '../../../../electron/core/domain/model.js';
import { lookUpLeaked, lookupExitCode, lookupText } from '../../../../electron/cli/team/leaked-lookup.js';
import { sampleKeys } from '../../../support/keys.js';
import { fakeTeam, matchOf } from './fake-team.js';

describe('the leaked look-up in the team', () => {
  it('finds a key in a multi-line paste by its SHA-256 fingerprint, and never sends the key itself', async () => {
    const secret = sampleKeys.nora('production');
    const team = fakeTeam({ byFingerprint: { [fingerprintOf(secret)]: [matchOf({ usageSites: [{ kind: 'target', where: 'NORA_KEY in /srv/app/.env' }, { kind: 'reference', where: 'deploy.sh:12' }] })] } });
    const pasted = `03:00:01 INFO start\n03:00:02 DEBUG headers={"authorization":"Bearer ${secret}"}\n03:00:03 WARN retry\n`;
    const lookup = await lookUpLeaked(team, emptyVaultDocument(), pasted);
    expect(lookup.matches.map((m) => m.member)).toEqual(['alice']);
    expect(lookupExitCode(lookup)).toBe(0);
    for (const sent of team.asked) expect(sent).toMatch(/^[0-9a-f]{64}$/);
    expect(team.asked.some((sent) => pasted.includes(sent))).toBe(false);

    const text = lookupText(lookup, 'acme', emptyVaultDocument());
    expect(text).toContain('leaked key found in team "acme": nora/acme/live/backend (sk_live_abc…), PRODUCTION');
    expect(text).toContain('held by: alice on machine alice-laptop');
    expect(text).toContain('  - target: NORA_KEY in /srv/app/.env\n  - reference: deploy.sh:12');
    expect(text).toMatch(/revoke it in the dashboard: https:\/\/\S+\n {2}1\. /);
    expect(text).toContain('tell alice');
    expect(text).not.toContain(secret);
  });

  it("says when the key is the caller's own, and to run its own revoke --leaked", async () => {
    const secret = sampleKeys.xora();
    const team = fakeTeam({ byFingerprint: { [fingerprintOf(secret)]: [matchOf({ mine: true, member: 'bob', provider: 'xora', ref: 'xora/acme/main/ci', env: 'sandbox' })] } });
    const text = lookupText(await lookUpLeaked(team, emptyVaultDocument(), secret), 'acme', emptyVaultDocument());
    expect(text).toContain('held by: you (bob, this vault)');
    expect(text).toContain('it is your own key: run "keyturn revoke --leaked"');
  });

  it("looks up a teammate's key of a provider this vault does not know (no provider shape), and says to ask its holder how to revoke it", async () => {
    const secret = 'Zq81bQ0c7FhL2mN9pR4sT6vW';
    const team = fakeTeam({ byFingerprint: { [fingerprintOf(secret)]: [matchOf({ provider: 'custom:inhouse', ref: 'custom:inhouse/acme/main/ci' })] } });
    const lookup = await lookUpLeaked(team, emptyVaultDocument(), `token=${secret}`);
    expect(lookup.matches).toHaveLength(1);
    expect(lookupText(lookup, 'acme', emptyVaultDocument())).toContain('its provider (custom:inhouse) is not described in this vault: ask alice how to revoke it');
  });

  it('exits 1 when no member holds it: a provider-shaped key gets its dashboard steps, anything else the plain advice', async () => {
    const guessed = await lookUpLeaked(fakeTeam(), emptyVaultDocument(), sampleKeys.nexora());
    expect(lookupExitCode(guessed)).toBe(1);
    expect(lookupText(guessed, 'acme', emptyVaultDocument())).toContain('this key is no key of the team, but it looks like a Nexora key');
    const nothing = await lookUpLeaked(fakeTeam(), emptyVaultDocument(), 'hello world');
    expect(lookupExitCode(nothing)).toBe(1);
    expect(lookupText(nothing, 'acme', emptyVaultDocument())).toBe('this key matches no key of the team and no known provider: revoke it where it was issued\n');
  });

  it('asks a bounded number of look-ups for a long paste', async () => {
    const words = Array.from({ length: 500 }, () => `k${randomBytes(18).toString('hex')}`).join(' ');
    const team = fakeTeam();
    await lookUpLeaked(team, emptyVaultDocument(), words);
    expect(team.asked.length).toBeLessThanOrEqual(64);
    expect(team.asked.length).toBeGreaterThan(0);
  });

  it('never sends the fingerprint of a word that only could be a key but looks chosen by a person (a password in a log line)', async () => {
    const team = fakeTeam();
    await lookUpLeaked(team, emptyVaultDocument(), 'login ok user=dana password=Password1234567890 session=aaaaaaaaaaaaaaaa1111');
    expect(team.asked).not.toContain(fingerprintOf('Password1234567890'));
    expect(team.asked).not.toContain(fingerprintOf('aaaaaaaaaaaaaaaa1111'));
  });

  it('refuses an empty paste, as revoke --leaked does', async () => {
    await expect(lookUpLeaked(fakeTeam(), emptyVaultDocument(), '  \n')).rejects.toMatchObject({ problem: { code: 'leak.empty' } });
  });
});
