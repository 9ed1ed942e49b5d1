import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_ADMIN_PASSWORD_ACCOUNT, TEAM_PASSWORD_ACCOUNT } from '../../../../../electron/core/team/team-connection.js';
import { freshTeamDatabase } from '../../../../support/team-database.js';
import { keychainEntries, privateKeychain } from '../../../../support/private-keychain.js';
import { filesUnder, tempHome } from '../../../../support/temp-home.js';
import { addKeys, teamTestVault, type TeamTestVault } from '../../../../unit/core/node/team/team-vault.js';

/** The team's database passwords live in the OS keychain (the vault's own service), never in a file of the vault home. */
describe('team passwords in the keychain', () => {
  const opened: TeamTestVault[] = [];
  afterEach(async () => {
    for (const v of opened.splice(0)) await v.close();
  });

  it('forbids a team password in any file of the vault home: init, invite and connect keep them in the keychain, disconnect removes the member one', async () => {
    const { adminUrl, suffix } = await freshTeamDatabase('keychain');
    const team = `t${suffix}`;
    const admin = teamTestVault(tempHome(), { secrets: privateKeychain() });
    opened.push(admin);
    await admin.team.init({ url: adminUrl, team });
    const adminPassword = new URL(adminUrl).password;
    expect((await keychainEntries(admin.deps.keychainService))[TEAM_ADMIN_PASSWORD_ACCOUNT]).toBe(adminPassword);
    const invited = await admin.team.invite({ member: 'alice', lead: false });
    const password = new URL(invited.url).password;

    const alice = teamTestVault(tempHome(), { secrets: privateKeychain() });
    opened.push(alice);
    await addKeys(alice, 1);
    await alice.team.connect({ url: invited.url, team });
    expect((await keychainEntries(alice.deps.keychainService))[TEAM_PASSWORD_ACCOUNT]).toBe(password);
    expect((await alice.team.sync()).problem).toBeNull();
    for (const home of [admin.home, alice.home]) {
      for (const [file, text] of Object.entries(filesUnder(home))) {
        expect(text.includes(password), file).toBe(false);
        expect(text.includes(adminPassword), file).toBe(false);
      }
    }
    await alice.team.disconnect();
    expect((await keychainEntries(alice.deps.keychainService))[TEAM_PASSWORD_ACCOUNT]).toBeUndefined();
  });
});
