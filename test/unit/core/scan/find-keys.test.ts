import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import type { CustomProvider } from '../../../../electron/core/domain/model.js';
import { findKeysInText } from '../../../../electron/core/scan/find-keys.js';
import { keyMatcher, type MatcherInput, type VaultMatch } from '../../../../electron/core/scan/key-matcher.js';
import { sampleKeys } from '../../../support/keys.js';

const custom = (over: Partial<CustomProvider>): CustomProvider => ({ name: 'acme', headerName: 'X-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/me', ...over });
const ACME = custom({ name: 'acme', keyPrefix: 'acme_' });
const ZED = custom({ name: 'zed', keyPattern: '^zed-[0-9a-f]{32}$' });
const OPAQUE = custom({ name: 'opaque' });

const keys = {
  xora: sampleKeys.xora(),
  nexora: sampleKeys.nexora(),
  noraLive: sampleKeys.nora('production'),
  noraTest: sampleKeys.nora('sandbox'),
  xerotier: sampleKeys.xerotier('my-project'),
  acme: `acme_${randomBytes(24).toString('base64url')}`,
  zed: `zed-${randomBytes(16).toString('hex')}`,
};
const providerOf: Record<keyof typeof keys, string> = { xora: 'xora', nexora: 'nexora', noraLive: 'nora', noraTest: 'nora', xerotier: 'xerotier', acme: 'custom:acme', zed: 'custom:zed' };

const match = (ref: string): VaultMatch => ({ keyId: ref, ref, environment: 'production', status: 'active', maskedKey: `${ref}…` });
const rulesOnly = keyMatcher({ customProviders: [ACME, ZED], vaultKeys: [] });
const find = (text: string, matcher = rulesOnly) => findKeysInText(text, matcher).map((k) => ({ line: k.line, column: k.column, secret: k.secret, providerId: k.providerId }));

/** Where `needle` is in `text`, as findKeysInText counts (1-based, UTF-16 columns; CRLF, LF or CR end a line). */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.slice(0, text.indexOf(needle)).split(/\r\n|\n|\r/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

describe('findKeysInText finds every provider key, where it is', () => {
  const files: Record<string, (k: string) => string> = {
    'TypeScript, in a string': (k) => `import { api } from './api';\n\nconst client = api({ key: "${k}" });\n`,
    'TypeScript, in a comment': (k) => `// the old key was ${k}, rotated\nexport {};\n`,
    'JavaScript, in a template': (k) => 'const h = {\n  authorization: `Bearer ' + k + '`,\n};\n',
    'Python, in a string': (k) => `import os\n\nAPI_KEY = os.environ.get("API_KEY", '${k}')\n`,
    'Python, in a comment': (k) => `def f():\n    # key: ${k}\n    return 1\n`,
    'Go, in a string': (k) => `package main\n\nfunc main() {\n\tc := api.New("${k}")\n}\n`,
    '.env': (k) => `# service\nPORT=8080\nAPI_KEY=${k}\n`,
    JSON: (k) => `{\n  "name": "svc",\n  "credentials": { "token": "${k}" }\n}\n`,
    YAML: (k) => `service:\n  name: svc\n  api_key: ${k}\n`,
    Markdown: (k) => `# Setup\n\nCall the API with \`${k}\` as the key.\n`,
    'CRLF line endings': (k) => `first\r\nsecond\r\nKEY=${k}\r\nlast\r\n`,
    'a lone CR before it': (k) => `first\rKEY=${k}\n`,
    'UTF-8 text before it on its line': (k) => `// clé d’accès 🔑: ${k}\n`,
  };
  for (const [name, key] of Object.entries(keys) as [keyof typeof keys, string][]) {
    for (const [what, file] of Object.entries(files)) {
      it(`${name} key: ${what}`, () => {
        const text = file(key);
        expect(find(text)).toEqual([{ ...positionOf(text, key), secret: key, providerId: providerOf[name] }]);
      });
    }
    it(`${name} key: at the very start and the very end of a file`, () => {
      expect(find(key)).toEqual([{ line: 1, column: 1, secret: key, providerId: providerOf[name] }]);
      const text = `a = 1\nb = ${key}`;
      expect(find(text)).toEqual([{ line: 2, column: 5, secret: key, providerId: providerOf[name] }]);
    });
  }

  it('a Jupyter notebook: a key inside a "source" string after a \\n escape, and one in a list of lines', () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', source: `import os\nos.environ["K"] = "x"\n${keys.nexora}\nprint(1)` }, { cell_type: 'code', source: [`key = '${keys.xora}'\n`, 'print(key)'] }], nbformat: 4 }, null, 1);
    expect(notebook).toContain(`\\n${keys.nexora}\\n`);
    expect(find(notebook)).toEqual([
      { ...positionOf(notebook, keys.nexora), secret: keys.nexora, providerId: 'nexora' },
      { ...positionOf(notebook, keys.xora), secret: keys.xora, providerId: 'xora' },
    ]);
  });

  it('two keys on one line, each at its column', () => {
    const text = `KEYS=${keys.noraLive},${keys.xerotier}`;
    expect(find(text)).toEqual([
      { line: 1, column: 6, secret: keys.noraLive, providerId: 'nora' },
      { line: 1, column: 6 + keys.noraLive.length + 1, secret: keys.xerotier, providerId: 'xerotier' },
    ]);
  });

  it('a key of a prefix rule at the end of a sentence is the key without the full stop', () => {
    expect(find(`Use ${keys.acme}.`).map((k) => k.secret)).toEqual([keys.acme]);
  });
});

describe('findKeysInText never reports what is no key', () => {
  const none: Record<string, string> = {
    'a UUID': 'id: 123e4567-e89b-42d3-a456-426614174000',
    'a SHA-1 hash': `commit ${randomBytes(20).toString('hex')}`,
    'a SHA-256 hash': `sha256:${randomBytes(32).toString('hex')}`,
    'sk_live_ in prose': 'Production keys start with sk_live_ and sandbox keys with sk_test_.',
    'sk_live_...': 'NORA_KEY=sk_live_...',
    "Xora's documented example": 'curl -H "Authorization: Bearer nte_your_api_key_here" https://api.xora.sh/v1/jobs',
    "Nexora's documented examples": 'export NEXORA_API_KEY=nxr_your_api_key_here\n# or nxr_... from Settings',
    "Nora's documented example": 'The dashboard shows sk_live_abc123… for a key.',
    "Xerotier's documented example": 'XEROTIER_API_KEY=xero_my-project_abc123',
    'an x placeholder': `NORA_KEY=sk_live_${'x'.repeat(32)}\nXORA=nte_${'X'.repeat(48)}`,
    'a counting placeholder': 'NEXORA_KEY=nxr_0123456789abcdef0123456789abcdef',
    'a written-out placeholder': 'NEXORA_KEY=nxr_REPLACE_WITH_YOUR_KEY_HERE and acme_your_secret_token_here',
    'a key shape after a token character': `const name = "foo_${keys.noraLive}";`,
    'a key shape glued after random characters': `id = "${randomBytes(6).toString('hex')}${keys.xora}"`,
    'a key shape followed by more token characters': `x = "${keys.xora}abc"`,
    'a base64 blob holding nxr_': `data:image/png;base64,${randomBytes(45).toString('base64')}/${keys.nexora}+${randomBytes(30).toString('base64')}`,
    'a key of a provider described by neither prefix nor pattern, not in the vault': `token = "${randomBytes(24).toString('base64url')}"`,
  };
  for (const [what, text] of Object.entries(none)) {
    it(`not reported: ${what}`, () => {
      expect(find(text, keyMatcher({ customProviders: [ACME, ZED, OPAQUE], vaultKeys: [] }))).toEqual([]);
    });
  }

  it('the provider documents\' own pages report nothing (all their examples at once)', () => {
    const docs = [
      'Authorization: Bearer nte_your_api_key_here',
      'X-API-KEY: nte_your_api_key_here',
      'Authorization: Bearer nxr_your_api_key_here',
      '"key": "nxr_..."',
      'X-API-Key: sk_live_...',
      'xero_my-project_abc123',
      'sk_live_abc123…',
    ].join('\n');
    expect(find(docs)).toEqual([]);
  });
});

describe('findKeysInText and the vault', () => {
  it('a vault key of a provider described by neither prefix nor pattern is found by its fingerprint, whatever its shape', () => {
    for (const secret of ['Zq9.x~4/Lp0=K2mW8rT5vB', 'short1', 'aaaaaaaaaaaaaaaaaaaa', randomBytes(20).toString('base64url')]) {
      const input: MatcherInput = { customProviders: [OPAQUE], vaultKeys: [{ fingerprint: fingerprintOf(secret), head: secret.slice(0, 6), match: match('opaque/acme/main/k') }] };
      const text = `line one\nconfig.token = "${secret}";\n`;
      expect(find(text, keyMatcher(input))).toEqual([{ line: 2, column: 17, secret, providerId: null }]);
      // The same head before other characters is not the key: its fingerprint is another.
      expect(find(`config.token = "${secret}X";\n`, keyMatcher(input))).toEqual([]);
    }
  });

  it('a vault key is found even where it would look like a placeholder', () => {
    const placeholderLike = 'nxr_your_api_key_here';
    const input: MatcherInput = { customProviders: [], vaultKeys: [{ fingerprint: fingerprintOf(placeholderLike), head: null, match: match('nexora/acme/self/k') }] };
    const found = findKeysInText(`NEXORA_KEY=${placeholderLike}\n`, keyMatcher(input));
    expect(found.map((k) => [k.secret, k.match?.ref, k.providerId])).toEqual([[placeholderLike, 'nexora/acme/self/k', 'nexora']]);
  });

  it('a vault key of a provider with a rule names its vault key', () => {
    const input: MatcherInput = { customProviders: [], vaultKeys: [{ fingerprint: fingerprintOf(keys.noraLive), head: null, match: match('nora/acme/live/billing') }] };
    const [found] = findKeysInText(`// ${keys.noraLive}\n`, keyMatcher(input));
    expect(found?.match?.ref).toBe('nora/acme/live/billing');
    expect(found?.maskedKey).toBe('nora/acme/live/billing…');
  });
});
