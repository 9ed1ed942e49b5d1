// The tamper-evident audit log: every kind of edit is caught, with the line it is at.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

describe('keyturn log verify', () => {
  let home: string;
  let run: ReturnType<typeof cliFor>;
  let log: string;
  const lines = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const write = (ls: string[]) => writeFileSync(log, `${ls.join('\n')}\n`);

  beforeEach(async () => {
    home = tempHome();
    run = cliFor(home);
    log = join(home, 'audit.log');
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'])).code).toBe(0);
    for (const name of ['a', 'b', 'c', 'd']) expect((await run(['key', 'add', 'xora/acme/main', name, '--no-verify'], sampleKeys.xora())).code).toBe(0);
    expect((await run(['key', 'get', 'xora/acme/main/b'])).code).toBe(0);
    expect(lines()).toHaveLength(6);
  });

  it('passes an untouched log, and shows it', async () => {
    const verified = await run(['log', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('intact: 6 entries');
    const shown = JSON.parse((await run(['log', 'show', '--json'])).stdout) as { seq: number; action: string }[];
    expect(shown.map((e) => e.action)).toEqual(['instance.add', 'key.add', 'key.add', 'key.add', 'key.add', 'key.get']);
    expect(shown.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('catches an edited entry, naming the line after it', async () => {
    const ls = lines();
    ls[2] = (ls[2] as string).replace('"outcome":"ok"', '"outcome":"failed"');
    write(ls);
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 4: does not follow line 3');
  });

  it('catches a deleted entry', async () => {
    const ls = lines();
    ls.splice(3, 1);
    write(ls);
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/line 4: does not follow line 3[\s\S]*line 4: holds entry 5 where entry 4 belongs/);
  });

  it('catches reordered entries', async () => {
    const ls = lines();
    [ls[1], ls[2]] = [ls[2] as string, ls[1] as string];
    write(ls);
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 2: does not follow line 1');
  });

  it('catches entries cut off the end, through the keychain record of the newest', async () => {
    write(lines().slice(0, 4));
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the newest entry is not the one the keychain records');
  });

  it('catches an edited last entry, and the whole file rolled back or deleted', async () => {
    const older = readFileSync(log, 'utf8');
    const ls = lines();
    ls[5] = (ls[5] as string).replace('key.get', 'key.add');
    write(ls);
    expect((await run(['log', 'verify'])).stdout).toContain('the newest entry is not the one the keychain records');
    writeFileSync(log, older);
    expect((await run(['key', 'remove', 'xora/acme/main/d', '--yes'])).code).toBe(0);
    writeFileSync(log, older); // an older copy of the whole file, chain intact
    expect((await run(['log', 'verify'])).code).toBe(1);
    rmSync(log);
    const gone = await run(['log', 'verify']);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain(`${log} is missing, but the keychain records its newest entry, and ${join(home, 'vault.json')} records that at least`);
  });

  it('catches a line that is not an entry', async () => {
    const ls = lines();
    ls.splice(2, 0, 'garbage');
    write(ls);
    const result = await run(['log', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('line 3: is not a log entry');
  });
});

describe('the audit log with a line longer than the tail it reads', () => {
  it('still chains the next entry to the whole last line', async () => {
    const home = tempHome();
    const { FileAuditLog } = await import('../../../electron/core/node/audit/audit-log.js');
    const { verifyAuditLog } = await import('../../../electron/core/node/audit/verify-log.js');
    const log = new FileAuditLog(home);
    log.append({ action: 'note', outcome: 'info', detail: 'x'.repeat(100_000) });
    log.append({ action: 'note', outcome: 'info', detail: 'after' });
    const checked = verifyAuditLog(log.path, null);
    expect(checked.problems.filter((p) => p.line !== null)).toEqual([]);
    expect(checked.entries).toBe(2);
  });
});
