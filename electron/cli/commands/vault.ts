import type { Command } from 'commander';
import { recoverVaultIdentity } from '../../core/node/store/recover-identity.js';
import { keychainServiceFor } from '../../core/node/store/home.js';
import type { CliContext } from '../context.js';

export function registerVaultCommands(program: Command, ctx: CliContext): void {
  const vault = program.command('vault').description('the vault home itself: recover what a lost or damaged file hides');
  vault
    .command('recover-id')
    .description('restore a missing or damaged vault-id.json from the id recorded in vault.json (else found in the keychain by key id, or --id), after checking the keychain holds the keys under it')
    .option('--id <id>', 'the vault id to restore: the part after "keyturn:" of the keychain service name')
    .action(async (opts: { id?: string }) => {
      const { home, secrets } = ctx.unopened();
      const findServices = (account: string) => secrets.servicesHolding(account);
      const recovered = await recoverVaultIdentity(home, secrets, opts.id === undefined ? { findServices } : { id: opts.id, findServices });
      const proof = recovered.checked === 0 ? 'the vault lists no key to check against the keychain' : `${recovered.found} of ${recovered.checked} key secrets found in the OS keychain under ${keychainServiceFor(recovered.vaultId)}`;
      ctx.io.out(`restored vault-id.json: this vault's id is ${recovered.vaultId} (${proof})\n`);
      if (recovered.missing.length > 0) ctx.io.err(`warning: the keychain holds no secret for ${recovered.missing.join(', ')}: those keys must be added again\n`);
    });
}
