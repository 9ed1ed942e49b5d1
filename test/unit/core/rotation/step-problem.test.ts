import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { describeProgress, stepText as cliStepText } from '../../../../electron/cli/rotation-steps.js';
import type { Rotation, VaultDocument } from '../../../../electron/core/domain/model.js';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import type { RotationInteraction, RotationProgress } from '../../../../electron/core/rotation/interaction.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';
import { stepText as appStepText } from '../../../../renderer/src/features/rotation/step-text.js';
import { openTestCore } from '../../../support/core-ports.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome } from '../../../support/temp-home.js';
import { addNexoraKeyWithTarget, nexoraWithHttp } from '../../../support/nexora-with-http.js';

const REF = 'nexora/acme/self/svc';

/** A rotation's interaction that answers nothing and keeps every progress event. */
function recording(): RotationInteraction & { events: RotationProgress[] } {
  const events: RotationProgress[] = [];
  return {
    events,
    confirmProduction: async () => true,
    pasteNewKey: async () => null,
    showRevokeGuide: () => undefined,
    confirmDespiteWarnings: async () => true,
    progress: (event) => events.push(event),
  };
}

/**
 * A step that stops on a problem (a keychain that cannot answer, a provider call that failed)
 * stores the problem itself, and each host words it: never the bare code, never another host's
 * words. A record from before problems were stored still loads and shows the text it has.
 */
describe('a rotation step that fails on a problem', () => {
  const served = nexoraWithHttp();
  afterEach(() => served.nexora.control.clearFaults());

  /** A vault with one Nexora key (its secret in memory) written to a .env target; `atCheckpoint` runs at each step boundary. */
  async function nexoraVault(atCheckpoint: (name: string, secrets: MemorySecretStore) => void = () => undefined) {
    const home = tempHome();
    const secrets = new MemorySecretStore();
    const core = openTestCore(home, { secrets, http: served.http, checkpoint: (name) => atCheckpoint(name, secrets) });
    await addNexoraKeyWithTarget(served.nexora, core, home);
    return { home, core, secrets };
  }

  it('a locked keychain at the swap: the step stores keychain.locked, both hosts word it, a resume clears it', async () => {
    let locked = false;
    const { core, secrets } = await nexoraVault((name, store) => {
      if (name !== 'swap:before' || locked) return;
      locked = true;
      store.lock();
    });
    const interaction = recording();
    const stopped = await core.rotations.start(REF, interaction, { revokeWaitMs: 5_000 });

    expect(stopped.steps.swap).toMatchObject({ status: 'failed', problem: { code: 'keychain.locked' } });
    expect(stopped.steps.swap.problemContext).toBeUndefined();
    expect(stopped.journal.filter((e) => e.event === 'fail')).toEqual([expect.objectContaining({ step: 'swap', problem: { code: 'keychain.locked' } })]);
    // The stored text is the host-neutral fallback, not what either host shows.
    expect(stopped.steps.swap.detail).toBe('stopped on keychain.locked: resume to try again');

    const cli = cliStepText(stopped, 'swap');
    expect(cli).toBe(`${cliProblemText({ code: 'keychain.locked' })}; resume to try again`);
    expect(cli).toMatch(/^the OS keychain is locked: unlock it .*then run the command again; nothing was changed; resume to try again$/);
    expect(describeProgress(stopped)).toBe(`swap failed: ${cli}`);
    const app = appStepText(stopped, 'swap');
    expect(app).toBe(appProblemText({ code: 'keychain.locked' }));
    expect(app).toMatch(/^The OS keychain is locked; nothing was changed\. Unlock it/);
    expect(app).not.toMatch(/--|keyturn /);
    // The terminal's progress line gets the problem, not only the text.
    expect(interaction.events.find((e) => e.status === 'failed')).toMatchObject({ step: 'swap', problem: { problem: { code: 'keychain.locked' }, providerKeyName: stopped.providerKeyName } });

    // Starting again is refused with where it stopped; the step's problem is for its hosts to word on resume, not retold as text.
    const again = await core.rotations.start(REF, recording()).then(() => null, (error: unknown) => error);
    expect(again).toMatchObject({ problem: { code: 'rotation.already-in-progress', ref: REF, step: 'swap', status: 'failed' } });
    expect(again).not.toHaveProperty('problem.detail');

    secrets.unlock();
    const resumed = await core.rotations.resume(REF, recording(), { revokeWaitMs: 5_000 });
    expect(resumed.state).toBe('completed');
    expect(resumed.steps.swap.status).toBe('done');
    expect(resumed.steps.swap.problem).toBeUndefined();
    expect(cliStepText(resumed, 'swap')).toBe(resumed.steps.swap.detail);
  });

  it("a provider's 503 on create: the step stores provider.call-failed with what it was doing; each host words it", async () => {
    const { core } = await nexoraVault();
    served.nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
    const stopped = await core.rotations.start(REF, recording(), { revokeWaitMs: 5_000 });

    expect(stopped.steps.create).toMatchObject({ status: 'failed', problemContext: 'create-call', problem: { code: 'provider.call-failed', provider: 'Nexora', call: 'create key', status: 503, outcomeUnknown: true } });
    const cli = cliStepText(stopped, 'create') ?? '';
    expect(cli).toMatch(/^Nexora create key answered 503: .*; nothing was changed here — resume to try again$/);
    expect(cli).not.toContain('provider.call-failed');
    const app = appStepText(stopped, 'create') ?? '';
    expect(app).toMatch(/^Nexora could not create the key \(it answered 503\): .*It may still have done it: look in its dashboard before trying again\.$/);
    expect(app).not.toContain('provider.call-failed');
  });

  it('an old vault.json step without a problem still loads and shows its detail; a problem this version does not know falls back to it too', async () => {
    const { home, core, secrets } = await nexoraVault((name, store) => {
      if (name === 'swap:before') store.lock();
    });
    await core.rotations.start(REF, recording(), { revokeWaitMs: 5_000 });
    secrets.unlock();

    // As Keyturn wrote it before problems were stored: the step has its sentence only.
    const path = join(home, 'vault.json');
    const raw = JSON.parse(readFileSync(path, 'utf8')) as VaultDocument;
    const old = 'the new key is missing from the keychain; start a new rotation';
    const [rotation] = raw.rotations as [Rotation];
    const { problem: _problem, ...swap } = rotation.steps.swap;
    writeFileSync(path, JSON.stringify({ ...raw, rotations: [{ ...rotation, steps: { ...rotation.steps, swap: { ...swap, detail: old } } }] }));
    const store = new ConfMetadataStore(home);
    const loaded = store.read().rotations[0];
    expect(store.damage()).toEqual([]);
    expect(loaded?.steps.swap).toMatchObject({ status: 'failed', detail: old });
    if (!loaded) throw new Error('the rotation did not load');
    expect(cliStepText(loaded, 'swap')).toBe(old);
    expect(describeProgress(loaded)).toBe(`swap failed: ${old}`);
    expect(appStepText(loaded, 'swap')).toBe(old);

    // Written by a newer Keyturn: a code this one does not know is kept, not damage, and its detail is shown.
    const future = { ...rotation, steps: { ...rotation.steps, swap: { ...swap, detail: 'stopped on future.code: resume to try again', problem: { code: 'future.code', what: 'x' } } } };
    writeFileSync(path, JSON.stringify({ ...raw, rotations: [future] }));
    const newer = new ConfMetadataStore(home);
    const kept = newer.read().rotations[0];
    expect(newer.damage()).toEqual([]);
    if (!kept) throw new Error('the rotation did not load');
    expect(kept.steps.swap.problem).toEqual({ code: 'future.code', what: 'x' });
    expect(cliStepText(kept, 'swap')).toBe('stopped on future.code: resume to try again');
    expect(appStepText(kept, 'swap')).toBe('stopped on future.code: resume to try again');
  });
});
