import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { typedBack } from '../../core/domain/problems/typed-back.js';
import { lookupOf, REFERENCE_FORM, tryParseReference } from '../../core/references/reference.js';
import { resolveReference, type ReferenceUse } from '../../core/references/resolve.js';
import { readStoredSecret } from '../../core/vault/reveal.js';
import type { CliContext } from '../context.js';

/**
 * `keyturn read REFERENCE`: `key get` by reference. The secret is read and audited as `key get`
 * reads it (the same audit action, the same keychain problems), on the same one-file start (see
 * entry.ts); the reference's own gates come first: only an active key is handed out.
 */
export function registerReadCommand(program: Command, ctx: CliContext): void {
  program
    .command('read')
    .description('print the secret a keyturn:// reference names, alone on standard output')
    .argument('<reference>', 'keyturn://PROVIDER/ORG/INSTANCE/NAME or keyturn://id/KEY-ID')
    .addHelpText(
      'after',
      '\nOnly an active key is printed: a reference to a revoked or expired key, to the old key of a rotation\n' +
        '(by id) or to a rotation\'s new key not yet verified is refused, as "keyturn run" refuses it.\n' +
        'The read is audited as "key get" is.',
    )
    .action(async (reference: string) => {
      const use: ReferenceUse = { source: 'argument' };
      const parsed = tryParseReference(reference);
      if (!parsed) fail('reference.malformed', { field: 'ref', value: typedBack(reference), form: REFERENCE_FORM, ...use });
      const access = ctx.secretAccess();
      const { record, instance } = resolveReference(await access.readForKey(lookupOf(parsed)), reference, use);
      const secret = await readStoredSecret(access.secrets, access.keychainService, record, instance);
      access.audit({ action: 'key.get', keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok' });
      ctx.io.out(`${secret}\n`);
    });
}
