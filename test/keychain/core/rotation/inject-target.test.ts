import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../../electron/core/node/http/undici-client.js';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import type { RotationInteraction } from '../../../../electron/core/rotation/interaction.js';
import { startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../../support/nexora-fixture.js';
import { rotationEngineFor } from '../../../support/rotation-engine.js';

const quiet: RotationInteraction = { confirmProduction: async () => true, pasteNewKey: async () => null, showRevokeGuide: () => undefined, confirmDespiteWarnings: async () => false, progress: () => undefined };
const BACKEND = 'nexora/acme/self/backend';
const WORKER = 'nexora/acme/self/worker';

describe('an inject target in a rotation: the output is rendered again from its template', () => {
  let emulators: AllEmulators;
  const http = createHttpClient();
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
    await http.close();
  });

  /**
   * A Nexora key with a .env target and an inject target, beside a second key the template also
   * references: the rotated key by its name and by its id, the other by name.
   */
  async function rendered() {
    const fixture = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'backend', variable: 'NEXORA_API_KEY' });
    const worker = emulators.nexora.control.createKey({ name: 'worker', userId: fixture.user.id });
    expect((await fixture.run(['key', 'add', 'nexora/acme/self', 'worker'], worker.secret)).code).toBe(0);
    const backendId = new ConfMetadataStore(fixture.home).read().keys.find((k) => k.name === 'backend')?.id as string;
    const template = join(fixture.home, 'app.yml.tpl');
    writeFileSync(template, `backend: "{{ keyturn://${BACKEND} }}"\nworker: '{{keyturn://${WORKER}}}'\npinned: {{ keyturn://id/${backendId} }}\n`);
    const output = join(fixture.home, 'app.yml');
    const injected = await fixture.run(['inject', '-i', template, '-o', output, '--record-target']);
    expect(injected.code).toBe(0);
    const renderOf = (backend: string) => `backend: "${backend}"\nworker: '${worker.secret}'\npinned: ${backend}\n`;
    expect(readFileSync(output, 'utf8')).toBe(renderOf(fixture.old.secret));
    return { ...fixture, worker, template, output, renderOf };
  }

  it('a completed rotation leaves the output rendered with the new key, the other references kept, mode 0600 and no backup left', async () => {
    const { home, run, output, renderOf, old, worker } = await rendered();
    // Two keys of one user at Nexora: the person says which is the old one (as --remote-id does).
    const finished = await rotationEngineFor(home, http, 'a test').start(BACKEND, quiet, { yes: true, remoteId: old.id });
    expect(finished.state).toBe('completed');
    const newSecret = (await run(['key', 'get', BACKEND])).stdout.trim();
    expect(newSecret).not.toBe(old.secret);
    expect(readFileSync(output, 'utf8')).toBe(renderOf(newSecret));
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expect(readdirSync(home).filter((n) => n.includes('keyturn-backup'))).toEqual([]);
    expect(finished.journal.map((e) => e.detail).join('\n')).toContain('app.yml (rendered): rendered again with the new key');
    // The worker's secret was read for the render, and audited as such; no secret in the journal or the audit log.
    const audit = readFileSync(join(home, 'audit.log'), 'utf8');
    expect(audit).toContain('rendered into a swap target by a rotation');
    for (const secret of [newSecret, old.secret, worker.secret]) {
      expect(audit).not.toContain(secret);
      expect(JSON.stringify(finished.journal)).not.toContain(secret);
    }
    // By hand, the reference by id names the old key, now revoked: refused, pointing at the name.
    const template = join(home, 'app.yml.tpl');
    const pinned = await run(['inject', '-i', template, '-o', output]);
    expect(pinned).toMatchObject({ code: 2, stderr: expect.stringContaining(`use keyturn://${BACKEND}`) });
    // The output is still Keyturn's: rendered again by hand, with the reference by name, it needs no --force.
    writeFileSync(template, readFileSync(template, 'utf8').replace(/keyturn:\/\/id\/[^ ]+/, `keyturn://${BACKEND}`));
    expect((await run(['inject', '-i', template, '-o', output])).stderr).toMatch(/^unchanged/);
  });

  it('an abandoned rotation renders the output with the old key again', async () => {
    const { home, output, renderOf, old, env } = await rendered();
    const before = readFileSync(output, 'utf8');
    const engine = rotationEngineFor(home, http, 'a test', {
      checkpoint: (name) => {
        if (name === 'verify:before') emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
      },
    });
    const stopped = await engine.start(BACKEND, quiet, { yes: true });
    emulators.nexora.control.clearFaults();
    expect(stopped.steps.verify.status).toBe('failed');
    expect(readFileSync(output, 'utf8')).not.toContain(old.secret);
    expect(readdirSync(home).filter((n) => n.includes('keyturn-backup'))).toHaveLength(2);

    const abandoned = await rotationEngineFor(home, http, 'a test').abandon(stopped.id);
    expect(abandoned.abandoned).toMatchObject({ restoredTargets: 2 });
    expect(readFileSync(output, 'utf8')).toBe(before);
    expect(readFileSync(output, 'utf8')).toBe(renderOf(old.secret));
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(readdirSync(home).filter((n) => n.includes('keyturn-backup'))).toEqual([]);
  });

  it('forbids a swap into an output a person edited since it was rendered: no target is written, the old key still works', async () => {
    const { home, output, env, old } = await rendered();
    writeFileSync(output, `${readFileSync(output, 'utf8')}edited: by hand\n`);
    const stopped = await rotationEngineFor(home, http, 'a test').start(BACKEND, quiet, { yes: true });
    expect(stopped.steps.swap.status).toBe('failed');
    expect(stopped.steps.swap.detail).toContain('was changed since Keyturn rendered it');
    expect(readFileSync(output, 'utf8')).toContain('edited: by hand');
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
  });
});
