import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../../electron/core/targets/describe.js';
import { describeTarget as describedForTheApp } from '../../../../electron/contract/targets.js';

/** One wording of a target for every host: the audit log, the journal, the CLI and the app use these. */
describe('describeTarget', () => {
  it('says where a .env target writes, and everything the person chose for it', () => {
    expect(describeTarget({ id: 't', kind: 'dotenv', file: '/app/.env', variable: 'API_KEY' })).toEqual({ where: 'API_KEY in /app/.env', full: 'API_KEY in /app/.env' });
    expect(describeTarget({ id: 't', kind: 'dotenv', file: '/app/.env', variable: 'API_KEY', linkTo: '/srv/app.env', createVariable: true }).full).toBe(
      'API_KEY in /app/.env (a link to /srv/app.env), appended if missing',
    );
  });

  it('says which program a command target runs, with its arguments in the full form', () => {
    expect(describeTarget({ id: 't', kind: 'command', command: '/usr/bin/vault', args: ['kv', 'put', 'secret/app', 'key=-'] })).toEqual({
      where: 'command /usr/bin/vault',
      full: 'command /usr/bin/vault kv put secret/app key=- (key on stdin)',
    });
  });

  it('is the describer the contract gives the renderer', () => {
    expect(describedForTheApp).toBe(describeTarget);
  });
});
