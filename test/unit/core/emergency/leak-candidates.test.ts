import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { ProblemError } from '../../../../electron/core/domain/problems/problem-error.js';
import { emptyVaultDocument, type Instance, type KeyRecord, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { findLeakCandidates } from '../../../../electron/core/emergency/leak-candidates.js';
import { MAX_PASTED_TEXT_LENGTH } from '../../../../electron/core/emergency/leaked-input.js';
import { sampleKeys } from '../../../support/keys.js';
import { problemWith } from '../../../support/problem-match.js';

const nexoraKey = sampleKeys.nexora();
const noraKey = sampleKeys.nora('production');
const customKey = `acme_${'q7'.repeat(12)}`;

function instance(id: string, provider: string, env: Instance['env']): Instance {
  return { id, provider, org: 'acme', name: id, env, baseUrl: 'https://api.example.com', createdAt: new Date(0).toISOString() };
}
function record(id: string, instanceId: string, secret: string): KeyRecord {
  return { id, instanceId, name: id, maskedKey: `${secret.slice(0, 8)}…`, fingerprint: fingerprintOf(secret), createdAt: new Date(0).toISOString(), status: 'active', targets: [] };
}

const doc: VaultDocument = {
  ...emptyVaultDocument(),
  instances: [instance('self', 'nexora', 'production'), instance('live', 'nora', 'production'), instance('own', 'custom:acme', 'production')],
  keys: [record('ci', 'self', nexoraKey), record('backend', 'live', noraKey), record('tool', 'own', customKey)],
  customProviders: [{ name: 'acme', keyPrefix: 'acme_', headerName: 'X-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/me' }],
};

const refs = (text: string, d: VaultDocument = doc) => findLeakCandidates(d, text).map((c) => c.match?.ref ?? `guess:${c.guess?.provider ?? ''}`);

describe('findLeakCandidates: every key in the whole pasted text', () => {
  it('finds a stored key in a curl command line', () => {
    const curl = `curl -sS https://api.nexora.dev/v1/keys -H "Authorization: Bearer ${nexoraKey}" -H 'Accept: application/json'`;
    expect(refs(curl)).toEqual(['nexora/acme/self/ci']);
  });

  it('finds a stored key in a log excerpt of several lines', () => {
    const log = [
      '2026-12-01T03:02:11Z INFO  starting worker pid=4121',
      `2026-12-01T03:02:12Z DEBUG request headers={"x-api-key":"${noraKey}","accept":"*/*"}`,
      '2026-12-01T03:02:12Z WARN  retrying in 2s',
    ].join('\n');
    const [found] = findLeakCandidates(doc, log);
    expect(found?.match?.ref).toBe('nora/acme/live/backend');
    expect(found?.line).toBe(2);
  });

  it('lists several keys in the order they appear, each once, a URL query and a .env line included', () => {
    const stranger = sampleKeys.nora('sandbox');
    const text = [`GET /hook?api_key=${stranger}&x=1`, `NEXORA_KEY=${nexoraKey}`, `again: ${nexoraKey}.`, `X-Key: ${customKey}`].join('\n');
    const found = findLeakCandidates(doc, text);
    expect(found.map((c) => c.match?.ref ?? `guess:${c.guess?.provider ?? ''}`)).toEqual(['guess:Nora', 'nexora/acme/self/ci', 'custom:acme/acme/own/tool']);
    expect(found.map((c) => c.line)).toEqual([1, 2, 4]);
  });

  it('forbids dropping a stored key for a guess inside it: a key ending in = padding is found as itself', () => {
    const padded = `acme_${'Zm9vYmFy'.repeat(3)}==`;
    const withPadded: VaultDocument = { ...doc, keys: [...doc.keys, record('padded', 'own', padded)] };
    for (const text of [`TOKEN=${padded}`, `curl -H "X-Key: ${padded}"`, padded]) {
      expect(refs(text, withPadded)).toEqual(['custom:acme/acme/own/padded']);
    }
  });

  it('names a key only masked: the mask of the stored key, the provider’s mask for one not in the vault', () => {
    const stranger = sampleKeys.xora();
    const found = findLeakCandidates(doc, `${nexoraKey} ${stranger}`);
    expect(found.map((c) => c.masked)).toEqual([`${nexoraKey.slice(0, 8)}…`, `${stranger.slice(0, 10)}…`]);
    for (const c of found) expect(c.masked).not.toContain(c.secret);
  });

  it('masks a guessed key as its own provider does (a Xerotier key shows its slug and 4 characters)', () => {
    const xero = sampleKeys.xerotier('acme-proj');
    const [guessed] = findLeakCandidates(doc, xero);
    expect(guessed?.guess?.provider).toBe('Xerotier');
    expect(guessed?.masked).toBe(`${xero.slice(0, 'xero_acme-proj_'.length + 4)}…`);
  });

  it('knows a user-defined provider by its prefix, but one that takes any key claims no word', () => {
    const unknownAcme = `acme_${'z9'.repeat(10)}`;
    expect(refs(`token ${unknownAcme}`)).toEqual(['guess:acme']);
    const anyKey: VaultDocument = { ...doc, customProviders: [{ name: 'loose', headerName: 'X-Key', baseUrls: {}, verifyPath: '/me' }] };
    expect(refs('plain words of a log line', anyKey)).toEqual([]);
  });

  it('a text with no key finds nothing; an empty slot is bad input', () => {
    expect(refs('hunter2')).toEqual([]);
    expect(() => findLeakCandidates(doc, 'export NORA_KEY=')).toThrow(problemWith('leak.empty', { field: 'leaked' }));
  });

  it('a key where a variable name would be (`nxr_… =`) is still found, not taken for an empty slot', () => {
    expect(refs(` ${nexoraKey} = `)).toEqual(['nexora/acme/self/ci']);
  });
});

describe('findLeakCandidates: the pasted text is bounded', () => {
  it(`looks at a text of exactly ${MAX_PASTED_TEXT_LENGTH} characters, the key at its very end`, () => {
    const text = `${'x'.repeat(MAX_PASTED_TEXT_LENGTH - nexoraKey.length - 1)} ${nexoraKey}`;
    expect(text).toHaveLength(MAX_PASTED_TEXT_LENGTH);
    expect(refs(text)).toEqual(['nexora/acme/self/ci']);
  });

  it('refuses one character more, as bad input, before looking at it', () => {
    const text = `${'x'.repeat(MAX_PASTED_TEXT_LENGTH - nexoraKey.length)} ${nexoraKey}`;
    expect(() => findLeakCandidates(doc, text)).toThrow(problemWith('leak.too-long', { field: 'leaked', length: 65_537, max: 65_536 }));
    expect(() => findLeakCandidates(doc, text)).toThrow(expect.objectContaining({ kind: 'input' }));
  });

  it.each([
    ['key-shaped words', Array.from({ length: 2000 }, () => `nxr_${'a'.repeat(28)}`).join(' ').slice(0, MAX_PASTED_TEXT_LENGTH)],
    ['one word of separators', '='.repeat(MAX_PASTED_TEXT_LENGTH)],
    ['one word of NAME=value pairs', 'a=b:'.repeat(MAX_PASTED_TEXT_LENGTH / 4)],
    ['one long line of short words', 'ab '.repeat(MAX_PASTED_TEXT_LENGTH / 3)],
  ])('a text at the bound made of %s is looked at quickly', (_what, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_PASTED_TEXT_LENGTH);
    const started = performance.now();
    findLeakCandidates(doc, `${text.slice(0, MAX_PASTED_TEXT_LENGTH - nexoraKey.length - 1)} ${nexoraKey}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a key after a long run of separators in one word is still found', () => {
    expect(refs(`${'='.repeat(10_000)}${nexoraKey}`)).toEqual(['nexora/acme/self/ci']);
  });
});

describe('findLeakCandidates: a stored key anywhere in random log text (property)', () => {
  // What stands between a key and the rest of a log line, a header dump or a command.
  const before = fc.constantFrom(' ', '\n', '\r\n', '\t', '"', "'", '`', '=', ': ', 'Bearer ', 'Authorization: Bearer ', '(', '[', '{"key":"', ',', ';', '?api_key=', '&token=', '|', '\\"');
  const after = fc.constantFrom(' ', '\n', '\r\n', '\t', '"', "'", '`', ')', ']', '"}', ',', ';', '&', '. ', '.\n', '|', '\\"');
  const logWord = fc.stringMatching(/^[A-Za-z0-9_.:=/-]{0,12}$/);
  const logText = fc.array(fc.tuple(logWord, fc.constantFrom(' ', '\n', ' | ', '\t', ', ')), { maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

  it('finds the key, whatever comes before and after it', () => {
    fc.assert(
      fc.property(logText, before, fc.constantFrom(nexoraKey, noraKey, customKey), after, logText, (head, open, key, close, tail) => {
        const text = `${head}${open}${key}${close}${tail}`;
        const found = findLeakCandidates(doc, text);
        expect(found.filter((c) => c.match).map((c) => c.secret)).toContain(key);
      }),
      { numRuns: 400 },
    );
  });

  it('random log text holding no key finds no stored key', () => {
    fc.assert(
      fc.property(logText, (text) => {
        let found: ReturnType<typeof findLeakCandidates> = [];
        try {
          found = findLeakCandidates(doc, text);
        } catch (error) {
          // An empty slot (`NAME=`) is refused as such: still no key found.
          expect(error).toBeInstanceOf(ProblemError);
          expect(error).toEqual(problemWith('leak.empty'));
        }
        expect(found.filter((c) => c.match)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
