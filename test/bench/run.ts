// `npm run bench`: the numbers issue-level requirements name, measured in one run.
// Runs inside the private test keyring (scripts/with-keyring.mjs); traffic goes only to 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import keytar from 'keytar';
import pLimit from 'p-limit';
import { Bench } from 'tinybench';
import { createHttpClient } from '../../electron/core/node/http/undici-client.js';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
import type { SecretStore } from '../../electron/core/ports/secret-store.js';
import { auditSink } from '../../electron/core/ports/audit-sink.js';
import type { CorePorts } from '../../electron/core/ports/core-ports.js';
import { CollectingLogger } from '../../electron/core/ports/logger.js';
import type { HttpClient } from '../../electron/core/http/types.js';
import { resolveProfile } from '../../electron/core/providers/registry.js';
import { ConfMetadataStore } from '../../electron/core/node/store/conf-metadata-store.js';
import { ensureVaultIdentity, keychainServiceFor } from '../../electron/core/node/store/home.js';
import type { Instance, KeyRecord, VaultDocument } from '../../electron/core/domain/model.js';
import { Vault } from '../../electron/core/node/vault/vault.js';
import { verifyKey } from '../../electron/core/verify/verify-key.js';
import { createEmulatorKey, createNexoraUser, spawnEmulators } from './emulator-process.js';
import { cliFor } from '../support/cli.js';
import { benchRenderer } from './renderer-bench.js';
import { benchRunStart, RUN_REFERENCES } from './run-start.js';
import { benchScanTree } from './scan-tree.js';
import { benchScanGit } from './scan-git.js';
import { benchTeam, TEAM_PARTS } from './team.js';
import { FileAuditLog } from '../../electron/core/node/audit/audit-log.js';
import { auditCsv, auditRows } from '../../electron/core/audit/audit-report.js';
import { AUDIT_HEAD_ACCOUNT, keychainAuditHead } from '../../electron/core/audit/keychain-head.js';
import { verifyLog } from '../../electron/core/node/audit/verify-log.js';

if (process.env.KEYTURN_PRIVATE_KEYRING !== '1') {
  console.error('bench: run it with "npm run bench" (it needs the private test keyring)');
  process.exit(2);
}

const LATENCY_MS = 20;
const VERIFY_KEYS = 1_000;
const AUDIT_ENTRIES = 10_000;
const LIST_KEYS = 10_000;
const clock = { now: () => new Date() };

/** A bench vault's ports: the audit log is left out (as before the port was required), so figures stay comparable. */
function benchPorts(home: string, secrets: SecretStore, keychainService: string, http: HttpClient): CorePorts {
  const logger = new CollectingLogger();
  return { metadata: new ConfMetadataStore(home), secrets, keychainService, http, clock, sleep: async () => undefined, audit: auditSink({ appendAll: () => undefined }, logger), logger };
}
const homes: string[] = [];
const results: { what: string; measured: string; target: string; ok: boolean }[] = [];
const record = (what: string, measured: string, target: string, ok: boolean) => {
  results.push({ what, measured, target, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${measured} (target ${target})`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const newHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'keyturn-bench-'));
  homes.push(home);
  return home;
};

/** Counts keychain calls, so "zero keychain calls" is measured, not assumed. */
class CountingSecretStore implements SecretStore {
  calls = 0;
  constructor(private readonly inner: SecretStore) {}
  get(s: string, a: string) { this.calls++; return this.inner.get(s, a); }
  set(s: string, a: string, v: string) { this.calls++; return this.inner.set(s, a, v); }
  delete(s: string, a: string) { this.calls++; return this.inner.delete(s, a); }
}

// Speed, not fidelity: a Nora that serves Keyturn's default verify path (/v2/instance, a cheap read)
// instead of only the emulator's default key list, whose body grows with every key a bench creates.
const NORA_SERVES_INSTANCE = ['--mode', 'nora.endpoints=with-instance'];

async function benchVerify(): Promise<void> {
  const emulators = await spawnEmulators(['--latency', String(LATENCY_MS), ...NORA_SERVES_INSTANCE]);
  const { served } = emulators;
  const home = newHome();
  const keychainService = keychainServiceFor(ensureVaultIdentity(home));
  const http = createHttpClient();
  const vault = new Vault(benchPorts(home, new KeytarSecretStore(), keychainService, http));
  try {
    const project = served.xerotier.projects[0];
    if (!project) throw new Error('the Xerotier emulator has no default project');
    // Five origins: Nora runs one server per environment.
    const origins = [
      { instance: { provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: served.xora.baseUrl }, control: served.xora, create: {} },
      { instance: { provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: served.nexora.baseUrl }, control: served.nexora, create: {} },
      { instance: { provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: served.nora.baseUrls.production }, control: served.nora, create: { env: 'production', org: 'acme' } },
      { instance: { provider: 'nora', org: 'acme', name: 'test', env: 'sandbox', baseUrl: served.nora.baseUrls.sandbox }, control: served.nora, create: { env: 'sandbox', org: 'acme' } },
      { instance: { provider: 'xerotier', org: project.slug, name: 'prod', env: 'production', baseUrl: served.xerotier.baseUrl, projectId: project.id }, control: served.xerotier, create: { projectId: project.id } },
    ];
    const perOrigin = VERIFY_KEYS / origins.length;
    process.stdout.write(`setting up ${VERIFY_KEYS} keys in the emulators and the keychain `);
    for (const origin of origins) {
      await vault.addInstance(origin.instance);
      const ref = `${origin.instance.provider}/${origin.instance.org}/${origin.instance.name}`;
      for (let i = 0; i < perOrigin; i++) {
        const key = await createEmulatorKey(origin.control, { name: `k${i}`, ...origin.create });
        await vault.addKey({ instanceRef: ref, name: `k${i}`, secret: key.secret });
      }
      process.stdout.write('.');
    }
    process.stdout.write('\n');

    const cap = 6; // the HTTP client's default per-host cap
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      const outcomes = await vault.verify('all');
      runs.push(performance.now() - started);
      const valid = outcomes.filter((o) => o.result === 'valid').length;
      if (valid !== VERIFY_KEYS) throw new Error(`only ${valid} of ${VERIFY_KEYS} keys verified as valid`);
    }
    const concurrent = median(runs);
    // The same verify reading key by key (a store without a batch read), in the same run: on a shared,
    // loaded machine the two are comparable only side by side.
    const store = new KeytarSecretStore();
    const perKeyStore: SecretStore = { get: (s, a) => store.get(s, a), set: (s, a, v) => store.set(s, a, v), delete: (s, a) => store.delete(s, a) };
    const perKeyVault = new Vault(benchPorts(home, perKeyStore, keychainService, http));
    const perKeyRuns: number[] = [];
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      await perKeyVault.verify('all');
      perKeyRuns.push(performance.now() - started);
    }
    const perKeyVerify = median(perKeyRuns);
    // The same requests with every secret already in memory: what the HTTP client and the emulators
    // take on this machine's CPU without any keychain read, the floor the keychain reads add to.
    const inMemory = await Promise.all(
      vault.read().keys.map(async (k) => ({ record: k, secret: (await store.get(keychainService, k.id)) ?? '', instance: vault.read().instances.find((i) => i.id === k.instanceId) })),
    );
    const floorRuns: number[] = [];
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      await Promise.all(inMemory.map(({ instance, secret }) => (instance ? verifyKey(http, resolveProfile(instance.provider, []), instance, secret, clock) : null)));
      floorRuns.push(performance.now() - started);
    }
    const floor = median(floorRuns);
    const sent = await Promise.all(
      [served.xora, served.nexora, served.nora, served.xerotier].map(async (c) => {
        const r = await fetch(`${c.controlUrl}/requests`, { headers: { 'x-emulator-token': c.controlToken } });
        return ((await r.json()) as unknown[]).length;
      }),
    );
    console.log(`requests the emulators received for 3 runs: ${sent.reduce((a, b) => a + b, 0)} (${3 * VERIFY_KEYS} keys verified); runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
    const perHostBound = (perOrigin * LATENCY_MS) / cap;
    const issueBound = (VERIFY_KEYS * LATENCY_MS) / cap;
    record(
      'the same verify reading its secrets key by key (no batch read), same run',
      `${perKeyVerify.toFixed(0)} ms (median of 3, runs ${perKeyRuns.map((r) => r.toFixed(0)).join(', ')} ms) = ${(perKeyVerify / perHostBound).toFixed(2)}× the per-host bound; the batch read's verify is ${(concurrent / perKeyVerify).toFixed(2)}× of it`,
      'reported',
      true,
    );
    record(
      'the same requests with every secret already in memory (no keychain read), same run',
      `${floor.toFixed(0)} ms (median of 3) = ${(floor / perHostBound).toFixed(2)}× the per-host bound: the HTTP client and the emulators on this machine's CPU; verify (keychain included) is ${(concurrent / floor).toFixed(2)}× of it`,
      'reported',
      true,
    );
    record(
      `verify ${VERIFY_KEYS} keys over ${origins.length} emulator origins, ${LATENCY_MS} ms latency, cap ${cap}/host`,
      `${concurrent.toFixed(0)} ms (median of 3) = ${(concurrent / perHostBound).toFixed(2)}× the per-host bound ${perHostBound.toFixed(0)} ms (${perOrigin} keys × ${LATENCY_MS} ms ÷ ${cap} on each origin, in parallel); ${(concurrent / issueBound).toFixed(2)}× keys × latency ÷ cap = ${issueBound.toFixed(0)} ms`,
      '≤ 1.2× the bound',
      concurrent <= 1.2 * perHostBound,
    );

    // The naive way: one keychain read and one request at a time.
    const doc = vault.read();
    const instances = new Map(doc.instances.map((i) => [i.id, i]));
    const secrets = new KeytarSecretStore();
    const naiveStarted = performance.now();
    for (const key of doc.keys) {
      const instance = instances.get(key.instanceId) as Instance;
      const secret = (await secrets.get(keychainService, key.id)) ?? '';
      await verifyKey(http, resolveProfile(instance.provider, []), instance, secret, clock);
    }
    const naive = performance.now() - naiveStarted;
    record('naive sequential loop over the same keys', `${naive.toFixed(0)} ms: Keyturn's verify is ${(naive / concurrent).toFixed(1)}× faster`, 'slower than Keyturn', naive > concurrent);
  } finally {
    await http.close();
    await emulators.stop();
  }
}

/** How long a full rotation takes against the emulators (20 ms latency): by API (Nexora) and guided (Nora). */
async function benchRotation(): Promise<void> {
  const emulators = await spawnEmulators(['--latency', String(LATENCY_MS), ...NORA_SERVES_INSTANCE]);
  const { served } = emulators;
  try {
    const api: number[] = [];
    const guided: number[] = [];
    for (let i = 0; i < 5; i++) {
      const run = cliFor(newHome());
      await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'sandbox', '--base-url', served.nexora.baseUrl]);
      await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', served.nora.baseUrls.production]);
      // An account of its own each round: the list (documented fields only) then holds only this key.
      const nexoraKey = await createEmulatorKey(served.nexora, { name: 'svc', userId: await createNexoraUser(served.nexora) });
      await run(['key', 'add', 'nexora/acme/self', 'svc'], nexoraKey.secret);
      let started = performance.now();
      const apiRun = await run(['rotate', 'nexora/acme/self/svc', '--yes']);
      api.push(performance.now() - started);
      if (apiRun.code !== 0) throw new Error(`API rotation failed: ${apiRun.stderr}`);

      const old = await createEmulatorKey(served.nora, { name: `svc${i}`, env: 'production', org: 'acme' });
      const fresh = await createEmulatorKey(served.nora, { name: `svc${i}-next`, env: 'production', org: 'acme' });
      await run(['key', 'add', 'nora/acme/live', 'svc'], old.secret);
      started = performance.now();
      // The person pastes the new key and revokes the old one the moment the guide asks.
      const guidedRun = await run(['rotate', 'nora/acme/live/svc', '--yes', '--new-key-stdin', '--revoke-wait', '30'], fresh.secret, (text) => {
        if (text.includes('Revoke the old key in the dashboard')) {
          void fetch(`${served.nora.controlUrl}/keys/${old.id}/revoke`, { method: 'POST', headers: { 'x-emulator-token': served.nora.controlToken } });
        }
      });
      guided.push(performance.now() - started);
      if (guidedRun.code !== 0) throw new Error(`guided rotation failed: ${guidedRun.stderr}`);
    }
    record('full API rotation (Nexora: create, swap, verify, revoke, proof of 401)', `${median(api).toFixed(0)} ms median of 5`, 'reported', true);
    record('full guided rotation (Nora: paste, swap, verify, dashboard revoke, proof of 401), person’s time excluded', `${median(guided).toFixed(0)} ms median of 5`, 'reported', true);
  } finally {
    await emulators.stop();
  }
}

/**
 * A vault with LIST_KEYS records written directly (adding them one by one would take minutes of
 * keychain writes) and one real key; `realKeys` leaves room for that many real keys in all (the
 * caller adds the others).
 */
async function largeVault(realKeys = 1): Promise<{ home: string; vault: Vault; counting: CountingSecretStore; realRef: string; realSecret: string }> {
  const home = newHome();
  const keychainService = keychainServiceFor(ensureVaultIdentity(home));
  const now = new Date().toISOString();
  const instances: Instance[] = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(), provider: 'nora', org: `org${i % 8}`, name: `inst${i}`, env: i % 2 ? 'production' : 'sandbox',
    baseUrl: i % 2 ? 'https://api.nora.finance' : 'https://staging.api.nora.finance', createdAt: now,
  }));
  const keys: KeyRecord[] = Array.from({ length: LIST_KEYS - realKeys }, (_, i) => ({
    id: randomUUID(), instanceId: (instances[i % instances.length] as Instance).id, name: `key-${i}`,
    maskedKey: `sk_${i % 2 ? 'live' : 'test'}_${randomBytes(3).toString('hex')}…`, fingerprint: randomBytes(32).toString('hex'),
    createdAt: now, expiresOn: '2027-06-30', maxAgeDays: 90, status: 'active', targets: [],
    lastVerification: { at: now, result: 'valid', httpStatus: 200, revoked: false, reason: 'accepted' },
  }));
  const doc: VaultDocument = { schemaVersion: 1, instances, keys, customProviders: [], rotations: [] };
  writeFileSync(join(home, 'vault.json'), JSON.stringify(doc), { mode: 0o600 });
  const counting = new CountingSecretStore(new KeytarSecretStore());
  const http = createHttpClient();
  const vault = new Vault(benchPorts(home, counting, keychainService, http));
  const realSecret = `sk_live_${randomBytes(16).toString('hex')}`;
  const real = await vault.addKey({ instanceRef: `nora/org1/inst1`, name: 'real', secret: realSecret });
  await http.close();
  counting.calls = 0;
  return { home, vault: new Vault(benchPorts(home, counting, keychainService, http)), counting, realRef: real.key.ref, realSecret };
}

async function benchList(large: Awaited<ReturnType<typeof largeVault>>): Promise<void> {
  const coldStarted = performance.now();
  const cold = large.vault.listKeys();
  const coldMs = performance.now() - coldStarted;
  if (cold.length !== LIST_KEYS) throw new Error(`listed ${cold.length} keys, expected ${LIST_KEYS}`);
  const bench = new Bench({ iterations: 50, warmupIterations: 5 });
  bench.add('list 10,000', () => {
    large.vault.listKeys();
  });
  await bench.run();
  const task = bench.tasks[0]?.result;
  const mean = task && 'latency' in task ? task.latency.mean : NaN;
  const p99 = task && 'latency' in task ? task.latency.p99 ?? NaN : NaN;
  record(
    `list ${LIST_KEYS} records in process`,
    `${mean.toFixed(1)} ms mean, ${p99.toFixed(1)} ms p99 with the store open; first list after opening ${coldMs.toFixed(1)} ms; ${large.counting.calls} keychain calls`,
    '< 50 ms, 0 keychain calls',
    p99 < 50 && large.counting.calls === 0,
  );
}

/** A vault of one key, added as a person would (through the vault, so the keychain holds it). */
async function oneKeyVault(): Promise<{ home: string; ref: string; secret: string }> {
  const home = newHome();
  const keychainService = keychainServiceFor(ensureVaultIdentity(home));
  const http = createHttpClient();
  const vault = new Vault(benchPorts(home, new KeytarSecretStore(), keychainService, http));
  await vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
  const secret = `sk_live_${randomBytes(16).toString('hex')}`;
  const added = await vault.addKey({ instanceRef: 'nora/acme/live', name: 'ci', secret });
  await http.close();
  return { home, ref: added.key.ref, secret };
}

/** What a bare `node -e 0` took on the machine where the 150 ms target for a 10,000-key vault was set. */
const NODE_START_WHEN_SET_MS = 62;

/**
 * How long `keyturn key get` takes from start to exit, beside a bare `node -e 0` measured in the
 * same loop (the machine's load moves all three alike, so the ratio is what is compared).
 */
function buildCli(): void {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the CLI failed');
}

async function benchCliGet(large: Awaited<ReturnType<typeof largeVault>>): Promise<void> {
  const small = await oneKeyVault();
  const timed = (args: string[], expected: string | null): number => {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (run.status !== 0 || (expected !== null && run.stdout !== expected)) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    return ms;
  };
  const bare: number[] = [];
  const one: number[] = [];
  const many: number[] = [];
  for (let i = 0; i < 21; i++) {
    bare.push(timed(['-e', '0'], null));
    one.push(timed(['dist/cli/keyturn.mjs', '--home', small.home, 'key', 'get', small.ref], `${small.secret}\n`));
    many.push(timed(['dist/cli/keyturn.mjs', '--home', large.home, 'key', 'get', large.realRef], `${large.realSecret}\n`));
  }
  const [b, o, m] = [median(bare), median(one), median(many)];
  record(
    'built CLI "key get" on a one-key vault, beside a bare "node -e 0" in the same loop',
    `${o.toFixed(0)} ms against ${b.toFixed(0)} ms = ${(o / b).toFixed(2)}× (medians of 21)`,
    '≤ 2× node -e 0',
    o <= 2 * b,
  );
  // The issue's 150 ms was set where a bare `node -e 0` took 62 ms; on a slower or busier machine
  // the same budget is 150/62 of what `node -e 0` takes here, measured in the same loop.
  const budget = Math.max(150, (150 / NODE_START_WHEN_SET_MS) * b);
  record(
    `built CLI "key get" on a ${LIST_KEYS}-key vault (node dist/cli/keyturn.mjs)`,
    `${m.toFixed(0)} ms median of 21 (${(m / b).toFixed(2)}× node -e 0), ${Math.max(...many).toFixed(0)} ms max`,
    `< 150 ms where node -e 0 takes ${NODE_START_WHEN_SET_MS} ms: < ${budget.toFixed(0)} ms here (${(150 / NODE_START_WHEN_SET_MS).toFixed(2)}× node -e 0)`,
    m < budget,
  );
}

/**
 * How verify should read a batch, on a service of VERIFY_KEYS items: one read per key (four at a
 * time, as verify reads small batches), the store's batch read over D-Bus (a search per account, one
 * GetSecrets), and keytar's one call for a whole service (findCredentials).
 */
async function benchKeychainReads(): Promise<void> {
  const service = `keyturn:bench-${randomUUID()}`;
  const accounts = Array.from({ length: VERIFY_KEYS }, () => randomUUID());
  const secrets = new KeytarSecretStore();
  const writes = pLimit(4);
  await Promise.all(accounts.map((account) => writes(() => secrets.set(service, account, `sk_live_${randomBytes(16).toString('hex')}`))));
  try {
    // The first batch read loads the D-Bus client; a verify pays that once, not per chunk.
    await secrets.readMany(service, accounts.slice(0, 1));
    for (const size of [10, 20, 50, 100, VERIFY_KEYS]) {
      const subset = accounts.slice(0, size);
      const perKey: number[] = [];
      const batch: number[] = [];
      const whole: number[] = [];
      for (let r = 0; r < 3; r++) {
        let started = performance.now();
        const reads = pLimit(4);
        await Promise.all(subset.map((account) => reads(() => secrets.get(service, account))));
        perKey.push(performance.now() - started);
        started = performance.now();
        const many = await secrets.readMany(service, subset);
        batch.push(performance.now() - started);
        if ([...many.values()].filter((v) => v !== null).length !== size) throw new Error(`the batch read found ${many.size} of ${size} secrets`);
        started = performance.now();
        const found = await keytar.findCredentials(service);
        whole.push(performance.now() - started);
        if (found.length !== VERIFY_KEYS) throw new Error(`findCredentials found ${found.length} of ${VERIFY_KEYS} items`);
      }
      record(
        `keychain: ${size} of a service's ${VERIFY_KEYS} secrets`,
        `one read per key (4 at a time) ${median(perKey).toFixed(0)} ms; one batch read over D-Bus ${median(batch).toFixed(0)} ms (${(median(batch) / median(perKey)).toFixed(2)}× per key); one findCredentials call ${median(whole).toFixed(0)} ms (medians of 3)`,
        'reported',
        true,
      );
    }
  } finally {
    await Promise.all(accounts.map((account) => writes(() => secrets.delete(service, account))));
  }
}

/** The audit report over 10,000 keys (metadata only), and the audit log: 10,000 appends, then verifying them. */
async function benchAudit(large: Awaited<ReturnType<typeof largeVault>>): Promise<void> {
  large.counting.calls = 0;
  const doc = large.vault.read();
  const now = new Date();
  const bench = new Bench({ iterations: 30, warmupIterations: 3 });
  bench.add('audit 10,000', () => {
    auditRows(large.vault.read(), now);
  });
  await bench.run();
  const task = bench.tasks[0];
  const rows = auditRows(doc, now);
  if (rows.length !== LIST_KEYS) throw new Error(`audited ${rows.length} keys, expected ${LIST_KEYS}`);
  const stats = task?.result.state === 'completed' ? task.result.latency : null;
  const mean = stats?.mean ?? NaN;
  const p99 = stats?.p99 ?? NaN;
  const csvStarted = performance.now();
  auditCsv(rows);
  const csvMs = performance.now() - csvStarted;
  record(`audit report over ${LIST_KEYS} keys in process (policy state, last rotation, targets)`, `${mean.toFixed(1)} ms mean, ${p99.toFixed(1)} ms p99; CSV of all of them ${csvMs.toFixed(0)} ms; ${large.counting.calls} keychain calls`, '< 200 ms, 0 keychain calls', p99 < 200 && large.counting.calls === 0);

  const home = newHome();
  const service = keychainServiceFor(ensureVaultIdentity(home));
  const secrets = new KeytarSecretStore();
  const log = new FileAuditLog(home, { head: keychainAuditHead(secrets, service) });
  const appendStarted = performance.now();
  for (let i = 0; i < AUDIT_ENTRIES; i++) log.append({ action: 'key.verify', keyId: `key-${i}`, maskedKey: 'sk_live_abc1…', outcome: 'ok', detail: 'valid (200)' });
  await log.flush();
  const appendMs = performance.now() - appendStarted;
  const verifyStarted = performance.now();
  const verified = await verifyLog(log);
  const verifyMs = performance.now() - verifyStarted;
  if (!verified.ok || verified.entries !== AUDIT_ENTRIES) throw new Error(`the benchmark's own log did not verify: ${JSON.stringify(verified.problems.slice(0, 3))}`);
  await secrets.delete(service, AUDIT_HEAD_ACCOUNT);
  record(`audit log: append ${AUDIT_ENTRIES} entries one by one (lock, chain, newest hash to the keychain)`, `${appendMs.toFixed(0)} ms (${((appendMs * 1000) / AUDIT_ENTRIES).toFixed(0)} µs per entry)`, 'reported', true);
  record(`audit log: verify ${AUDIT_ENTRIES} entries and the keychain head`, `${verifyMs.toFixed(0)} ms`, 'reported', true);
}

// `npm run bench -- verify` (or keychain, rotation, list, cli, run, audit, renderer, scan, team) runs only those parts;
// `team-publish`, `team-audit` or `team-load` one part of `team`.
const only = new Set(process.argv.slice(2));
const wanted = (part: string) => only.size === 0 || only.has(part);
const teamParts = new Set(TEAM_PARTS.filter((part) => wanted('team') || only.has(part)));
try {
  if (wanted('verify')) await benchVerify();
  if (wanted('keychain')) await benchKeychainReads();
  if (wanted('rotation')) await benchRotation();
  if (wanted('list') || wanted('cli') || wanted('renderer') || wanted('audit')) {
    const large = await largeVault();
    if (wanted('audit')) await benchAudit(large);
    if (wanted('list')) await benchList(large);
    if (wanted('cli') || wanted('run')) buildCli();
    if (wanted('cli')) await benchCliGet(large);
    if (wanted('renderer')) await benchRenderer(large.home, LIST_KEYS, record);
  }
  if (wanted('run')) {
    // A vault of its own: the references' keys are added to it, and the list and get figures above
    // are of exactly LIST_KEYS records.
    const large = await largeVault(1 + RUN_REFERENCES);
    await benchRunStart(large, LIST_KEYS, NODE_START_WHEN_SET_MS, record);
  }
  if (wanted('scan')) {
    buildCli();
    await benchScanTree(record);
    await benchScanGit(record);
  }
  if (teamParts.size > 0) await benchTeam(teamParts, record, buildCli);
} finally {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
}
console.log(`\n${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length} failed`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
