import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

it('forbids an audit log on a full disk from failing a command that was done: it succeeds and warns, in the terminal’s words (key get too)', async () => {
  const home = tempHome();
  const run = cliFor(home);
  expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
  const secret = sampleKeys.xora();
  expect((await run(['key', 'add', 'xora/acme/main', 'api', '--no-verify'], secret)).code).toBe(0);
  // From here the log file is on a full disk (Linux's /dev/full): every append fails with ENOSPC.
  rmSync(join(home, 'audit.log'));
  symlinkSync('/dev/full', join(home, 'audit.log'));

  const got = await run(['key', 'get', 'xora/acme/main/api']);
  expect(got.code, got.stderr).toBe(0);
  expect(got.stdout).toBe(`${secret}\n`);
  expect(got.stderr).toMatch(/^warning: the audit log could not record key\.get \(ENOSPC: no space left on device, write\): the action itself was done\n$/);

  const removed = await run(['key', 'remove', 'xora/acme/main/api']);
  expect(removed.code, removed.stderr).toBe(0);
  expect(removed.stderr).toMatch(/warning: the audit log could not record key\.remove \(ENOSPC/);
});
