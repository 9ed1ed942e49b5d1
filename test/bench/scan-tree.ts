// `keyturn scan PATH` over a generated tree, beside ripgrep running the same key patterns (part of `npm run bench`, see run.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectionRules } from '../../electron/core/scan/rules.js';
import type { CustomProvider } from '../../electron/core/domain/model.js';
import { cliFor } from '../support/cli.js';

export type BenchRecord = (what: string, measured: string, target: string, ok: boolean) => void;

const FILES = 20_000;
const FILE_BYTES = 10_000;
const FOLDERS = 250;

/** A deterministic generator (mulberry32): the same tree, keys included, on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const from = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet.charAt(int(alphabet.length))).join('');
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { int, from, pick };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${ALNUM}_-`;
const BASE64 = `${ALNUM}+/`;
const HEX = '0123456789abcdef';
const WORDS = 'value result error config client request handler service token parse render update index cache fetch store route'.split(' ');

type Kind = 'ts' | 'js' | 'py' | 'go' | 'json' | 'yaml' | 'md' | 'env';
const KINDS: readonly Kind[] = ['ts', 'ts', 'ts', 'js', 'py', 'py', 'go', 'json', 'json', 'yaml', 'yaml', 'md', 'env'];

/** The custom providers the bench vault defines: one by prefix, one by pattern. */
const ACME: CustomProvider = { name: 'acme', keyPrefix: 'acme_', headerName: 'X-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/me' };
const ZED: CustomProvider = { name: 'zed', keyPattern: 'zed-[0-9a-f]{32}', headerName: 'X-Key', baseUrls: { production: 'https://api.zed.test' }, verifyPath: '/me' };

export async function benchScanTree(record: BenchRecord): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'keyturn-bench-scan-'));
  try {
    const g = generator(13);
    const slug = 'orbit';
    const keyOf = {
      xora: () => `nte_${g.from(BASE64URL, 48)}`,
      nexora: () => `nxr_${g.from(ALNUM, 40)}`,
      noraLive: () => `sk_live_${g.from(ALNUM, 32)}`,
      noraTest: () => `sk_test_${g.from(BASE64URL, 32)}`,
      xerotier: () => `xero_${slug}_${g.from(BASE64URL, 43)}`,
      acme: () => `acme_${g.from(BASE64URL, 32)}`,
      zed: () => `zed-${g.from(HEX, 32)}`,
    };
    // Three keys of each provider in the tree, the first of each also in the vault.
    const planted = Object.entries(keyOf).flatMap(([provider, make]) => [0, 1, 2].map((i) => ({ provider, secret: make(), inVault: i === 0 })));
    const tree = join(work, 'tree');
    const home = join(work, 'home');
    mkdirSync(home);
    const generated = writeTree(tree, g, planted.map((p) => p.secret), keyOf);
    await vaultWith(home, slug, planted);

    // ripgrep runs the rules' own sources joined (Rust's regex has no lookbehind, so no token
    // boundaries: the boundary check, the format checks and the placeholder filter are Keyturn's
    // alone), over what Keyturn reads: hidden files, .gitignore honoured, node_modules and .git left out.
    const rules = detectionRules([ACME, ZED]);
    const rgPattern = rules.sources.join('|');
    ensureRipgrep();
    const rgArgs = ['-o', '--no-require-git', '--hidden', '-g', '!node_modules', '-g', '!.git', '-e', rgPattern, tree];
    const cliArgs = ['dist/cli/keyturn.mjs', '--home', home, 'scan', tree, '--json'];
    const rg = timed('rg', rgArgs);
    const cli = timed(process.execPath, cliArgs);
    // The least any Node program takes over this tree (see scan-floor.mjs): what Node itself costs.
    const floor = timed(process.execPath, [fileURLToPath(new URL('./scan-floor.mjs', import.meta.url)), tree, rules.sources.join('|')]);
    if (floor.status !== 0) throw new Error(`the floor's program failed: ${floor.stderr.slice(0, 2000)}`);
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`keyturn scan exited ${cli.status}: ${cli.stderr.slice(0, 2000)}`);
    const findings = (JSON.parse(cli.stdout) as { findings: { fingerprint: string; inVault?: string | null; match?: unknown }[] }).findings;
    const expected = new Map(planted.map((p) => [fingerprint(p.secret), p]));
    const foundPrints = new Set(findings.map((f) => f.fingerprint));
    const missed = [...expected.entries()].filter(([fp]) => !foundPrints.has(fp)).map(([, p]) => p.provider);
    const falseFindings = findings.filter((f) => !expected.has(f.fingerprint)).length;
    const vaultMatches = findings.filter((f) => (f.inVault ?? null) !== null || (f.match ?? null) !== null).length;
    const rgMatches = rg.stdout.split('\n').filter((l) => l !== '').length;
    const ratio = cli.ms / rg.ms;
    record(
      `scan: a tree of ${generated.files.toLocaleString('en')} files (${(generated.bytes / 1e6).toFixed(0)} MB) beside ripgrep`,
      `keyturn ${cli.ms.toFixed(0)} ms (node start included), rg ${rg.ms.toFixed(0)} ms (${rgMatches} raw matches, decoys included): ${ratio.toFixed(2)}× ripgrep`,
      'at most 2x ripgrep',
      ratio <= 2,
    );
    record(
      'scan: the floor of any Node program over the same tree (walk, two threads reading every file, one expression; nothing else)',
      `${floor.ms.toFixed(0)} ms = ${(floor.ms / rg.ms).toFixed(2)}× ripgrep; keyturn scan is ${(cli.ms / floor.ms).toFixed(2)}× this floor`,
      'reported',
      true,
    );
    record(
      'scan: every planted key found, no false finding',
      `${planted.length - missed.length} of ${planted.length} planted keys found${missed.length > 0 ? ` (missed: ${missed.join(', ')})` : ''}, ${vaultMatches} named by the vault (${planted.filter((p) => p.inVault).length} planted there), ${falseFindings} false findings (decoys: ${generated.decoys})`,
      'all found, 0 false',
      missed.length === 0 && falseFindings === 0 && findings.length === planted.length,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function timed(command: string, args: readonly string[]) {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  return { ms, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function ensureRipgrep(): void {
  if (spawnSync('rg', ['--version']).status === 0) return;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'ripgrep'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('ripgrep is missing and apt-get could not install it');
}

/** A vault with an instance of each provider and the first planted key of each (not verified: no provider is asked). */
async function vaultWith(home: string, slug: string, planted: { provider: string; secret: string; inVault: boolean }[]): Promise<void> {
  const run = cliFor(home);
  const must = async (argv: string[], stdin = '') => {
    const r = await run(argv, stdin);
    if (r.code !== 0) throw new Error(`keyturn ${argv.join(' ')}: ${r.stderr}`);
  };
  for (const c of [ACME, ZED]) {
    await must(['provider', 'add', c.name, ...(c.keyPrefix ? ['--prefix', c.keyPrefix] : ['--pattern', c.keyPattern ?? '']), '--header', c.headerName, '--production-url', c.baseUrls.production ?? '', '--verify-path', c.verifyPath]);
  }
  const instances: Record<string, string[]> = {
    xora: ['xora', 'acme', 'main', '--env', 'production'],
    nexora: ['nexora', 'acme', 'self', '--env', 'production', '--base-url', 'https://nexora.acme.test/api'],
    noraLive: ['nora', 'acme', 'live', '--env', 'production'],
    noraTest: ['nora', 'acme', 'test', '--env', 'sandbox'],
    xerotier: ['xerotier', slug, 'prod', '--env', 'production', '--project-id', 'proj_1'],
    acme: ['acme', 'acme', 'main', '--env', 'production'],
    zed: ['zed', 'acme', 'main', '--env', 'production'],
  };
  for (const p of planted.filter((k) => k.inVault)) {
    const instance = instances[p.provider] as string[];
    await must(['instance', 'add', ...instance]);
    await must(['key', 'add', `${instance[0]}/${instance[1]}/${instance[2]}`, 'planted', '--no-verify'], p.secret);
  }
}

/**
 * The tree: FILES text files of about FILE_BYTES under FOLDERS packages (source, JSON, YAML,
 * Markdown, .env), each planted key in one of them, decoys that must not be found scattered
 * through (a UUID, hashes, documentation placeholders, key shapes inside longer tokens, a base64
 * blob holding `nxr_`), and beside them what a scan skips: a folder .gitignore names and a
 * node_modules, both holding keys of their own.
 */
function writeTree(root: string, g: ReturnType<typeof generator>, secrets: string[], keyOf: Record<string, () => string>) {
  const perFolder = FILES / FOLDERS;
  const at = new Map(secrets.map((s, i) => [Math.floor(((i + 0.5) * FILES) / secrets.length) + g.int(50), s]));
  let bytes = 0;
  let decoys = 0;
  let n = 0;
  for (let d = 0; d < FOLDERS; d++) {
    const folder = join(root, 'packages', `pkg${String(d).padStart(3, '0')}`, d % 2 ? 'src' : 'lib');
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < perFolder; f++, n++) {
      const kind = KINDS[n % KINDS.length] as Kind;
      const lines: string[] = [];
      let size = 0;
      while (size < FILE_BYTES) {
        // A decoy in about one file in ten.
        const decoy = g.int(1500) === 0;
        const text = decoy ? decoyLine(g, keyOf) : fillerLine(g, kind);
        if (decoy) decoys++;
        lines.push(text);
        size += text.length + 1;
      }
      const secret = at.get(n);
      if (secret) lines.splice(g.int(lines.length), 0, plantedLine(kind, secret, g));
      const text = `${lines.join(kind === 'md' && n % 7 === 0 ? '\r\n' : '\n')}\n`;
      bytes += text.length;
      const name = kind === 'env' && f === perFolder - 1 ? '.env' : `${g.pick(WORDS)}-${f}.${kind}`;
      writeFileSync(join(folder, name), text);
    }
  }
  // What a scan skips, keys and all.
  writeFileSync(join(root, '.gitignore'), '# build output\n/build/\n*.log\n');
  for (const skipped of ['build/gen', 'node_modules/dep']) {
    mkdirSync(join(root, skipped), { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(root, skipped, `file${i}.js`), `const k = "${keyOf.xora?.() ?? ''}";\n`);
  }
  writeFileSync(join(root, 'debug.log'), `NORA=${keyOf.noraLive?.() ?? ''}\n`);
  return { files: n, bytes, decoys };
}

function fillerLine(g: ReturnType<typeof generator>, kind: Kind): string {
  const name = `${g.pick(WORDS)}_${g.int(1000)}`;
  const hex = g.from(HEX, 24);
  switch (kind) {
    case 'ts':
    case 'js':
      return `  const ${name} = await ${g.pick(WORDS)}(${JSON.stringify(hex)}, { ${g.pick(WORDS)}: ${g.int(9999)} }); // ${g.pick(WORDS)} ${g.pick(WORDS)}`;
    case 'py':
      return `    ${name} = ${g.pick(WORDS)}("${hex}", retries=${g.int(9)})  # ${g.pick(WORDS)}`;
    case 'go':
      return `\t${name} := ${g.pick(WORDS)}.New("${hex}", ${g.int(9999)})`;
    case 'json':
      return `  "${name}": { "id": "${uuid(g)}", "${g.pick(WORDS)}": ${g.int(99999)}, "hash": "${hex}" },`;
    case 'yaml':
      return `  ${name}:\n    id: ${uuid(g)}\n    ${g.pick(WORDS)}: ${hex}`;
    case 'md':
      return `The ${g.pick(WORDS)} ${g.pick(WORDS)} calls \`${name}()\` with the ${g.pick(WORDS)} and returns ${g.int(999)} items.`;
    case 'env':
      return `${name.toUpperCase()}=${hex}`;
  }
}

function uuid(g: ReturnType<typeof generator>): string {
  return `${g.from(HEX, 8)}-${g.from(HEX, 4)}-4${g.from(HEX, 3)}-a${g.from(HEX, 3)}-${g.from(HEX, 12)}`;
}

/** A line that looks like it may hold a key and holds none. */
function decoyLine(g: ReturnType<typeof generator>, keyOf: Record<string, () => string>): string {
  const key = (p: string) => keyOf[p]?.() ?? '';
  const decoys = [
    () => `// the id is a UUID: ${uuid(g)}, the commit ${g.from(HEX, 40)}, the digest sha256:${g.from(HEX, 64)}`,
    () => '// Nora keys start with sk_live_ in production and sk_test_ in the sandbox.',
    () => 'curl -H "Authorization: Bearer nte_your_api_key_here" https://api.xora.sh/v1/jobs',
    () => 'export NEXORA_API_KEY=nxr_your_api_key_here   # nxr_... from the dashboard',
    () => 'NORA_KEY=sk_live_...  # sk_live_abc123 in the docs',
    () => 'XEROTIER_API_KEY=xero_my-project_abc123',
    () => `NORA_KEY=sk_live_${'x'.repeat(24)}`,
    () => `const name = "foo_${key('noraLive')}";`,
    () => `const id = "${g.from(ALNUM, 12)}${key('xora')}";`,
    () => `const blob = "${g.from(BASE64, 60)}/${key('nexora')}+${g.from(BASE64, 40)}==";`,
  ];
  return g.pick(decoys)();
}

function plantedLine(kind: Kind, secret: string, g: ReturnType<typeof generator>): string {
  switch (kind) {
    case 'ts':
    case 'js':
      return g.int(2) ? `const apiKey = "${secret}";` : `// old key: ${secret}`;
    case 'py':
      return g.int(2) ? `API_KEY = '${secret}'` : `# the key was ${secret}`;
    case 'go':
      return `\tclient := api.New("${secret}")`;
    case 'json':
      return `  "token": "${secret}",`;
    case 'yaml':
      return `  api_key: ${secret}`;
    case 'md':
      return `Use \`${secret}\` to call the API.`;
    case 'env':
      return `SERVICE_KEY=${secret}`;
  }
}
