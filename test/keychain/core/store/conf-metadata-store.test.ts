import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import { CollectingLogger } from '../../../../electron/core/ports/logger.js';
import { cliFor } from '../../../support/cli.js';
import { sampleKeys } from '../../../support/keys.js';
import { tempHome } from '../../../support/temp-home.js';

describe('ConfMetadataStore', () => {
  it('moves a corrupt file aside and reports it, never wiping it', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    const garbage = '{"schemaVersion":1,"instances":[{"id":"x", TRUNCATED';
    writeFileSync(join(home, 'vault.json'), garbage);

    const listed = await run(['instance', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/warning: the vault metadata file was unreadable .* moved to .*vault\.corrupt-.*\.json/);
    const aside = readdirSync(home).find((f) => f.startsWith('vault.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(home, aside ?? ''), 'utf8')).toBe(garbage);
  });

  it('moves aside a file that is JSON but not a vault document', () => {
    const home = tempHome();
    writeFileSync(join(home, 'vault.json'), JSON.stringify([{ schemaVersion: 1 }]));
    const logger = new CollectingLogger();
    const store = new ConfMetadataStore(home, { logger });
    expect(store.read().instances).toEqual([]);
    expect(logger.problems).toEqual([expect.objectContaining({ code: 'store.moved-aside', location: join(home, 'vault.json'), lastGood: null })]);
    expect(readdirSync(home).some((f) => f.startsWith('vault.corrupt-'))).toBe(true);
  });

  it('names a list that is not a list as damage, keeps the file where it is and refuses writes', async () => {
    const home = tempHome();
    const text = JSON.stringify({ schemaVersion: 1, instances: 'oops', keys: [], customProviders: [] });
    writeFileSync(join(home, 'vault.json'), text);
    const store = new ConfMetadataStore(home);
    expect(store.read().instances).toEqual([]);
    expect(store.damage()).toEqual(['instances: is not a list']);
    await expect(store.update((doc) => ({ doc, result: undefined }))).rejects.toMatchObject({ problem: { code: 'vault.damaged', file: join(home, 'vault.json'), parts: ['instances: is not a list'] } });
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(text);
    expect(readdirSync(home).some((f) => f.startsWith('vault.corrupt-'))).toBe(false);
  });

  it('loses no update when several processes write at once (cross-process lock)', async () => {
    const home = tempHome();
    await cliFor(home)(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    const writers = 8;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, ['bin/keyturn.mjs', '--home', home, 'key', 'add', 'xora/acme/main', `k${i}`, '--no-verify'], { stdio: ['pipe', 'ignore', 'inherit'] });
          child.on('error', reject);
          child.on('exit', (code) => resolve(code ?? -1));
          child.stdin.end(sampleKeys.xora());
        }),
      ),
    );
    expect(results).toEqual(Array(writers).fill(0));
    const names = (JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as { keys: { name: string }[] }).keys.map((k) => k.name).sort();
    expect(names).toEqual(Array.from({ length: writers }, (_, i) => `k${i}`).sort());
  });
});
