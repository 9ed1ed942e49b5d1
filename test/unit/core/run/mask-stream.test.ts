import { once } from 'node:events';
import { Readable, type Transform } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskingStream } from '../../../../electron/core/node/run/mask-stream.js';

async function through(chunks: string[], secrets: Map<string, string>): Promise<string> {
  const out: Buffer[] = [];
  const masked = Readable.from(chunks.map((c) => Buffer.from(c))).pipe(maskingStream(secrets));
  for await (const chunk of masked) out.push(chunk as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('maskingStream', () => {
  const secret = 'sk_live_MASKME0123456789';
  const masks = new Map([[secret, '[keyturn:KEY]']]);

  it('masks a secret split across chunks, one byte at a time', async () => {
    expect(await through([...`before ${secret} after`], masks)).toBe('before [keyturn:KEY] after');
  });

  it('property: any text with the secret anywhere, chunked anyhow, comes out with every occurrence masked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant(secret)), { maxLength: 10 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 20 }), async (parts, sizes) => {
        const text = parts.join('');
        const chunks: string[] = [];
        let i = 0;
        for (let k = 0; i < text.length; k++) {
          const size = sizes[k % sizes.length] ?? 1;
          chunks.push(text.slice(i, i + size));
          i += size;
        }
        expect(await through(chunks, masks)).toBe(text.split(secret).join('[keyturn:KEY]'));
      }),
      { numRuns: 300 },
    );
  });

  /** Resolves with everything the stream emitted once it includes `wanted` (an event, never a sleep). */
  async function readUntil(stream: Transform, wanted: string): Promise<string> {
    let seen = '';
    while (!seen.includes(wanted)) seen += ((await once(stream, 'data')) as [Buffer])[0].toString('utf8');
    return seen;
  }

  it('passes a partial line such as a prompt on while the writer waits, without an end or a newline', async () => {
    const stream = maskingStream(masks);
    stream.write(Buffer.from('prompt> '));
    expect(await readUntil(stream, 'prompt> ')).toBe('prompt> ');
    stream.end();
  });

  it('shows a held tail that could start the secret once the writer is quiet, and masks the rest if it comes', async () => {
    const stream = maskingStream(masks, { quietMs: 20 });
    stream.write(Buffer.from(`token: ${secret.slice(0, 3)}`));
    expect(await readUntil(stream, secret.slice(0, 3))).toBe(`token: ${secret.slice(0, 3)}`);
    stream.write(Buffer.from(`${secret.slice(3)}\n`));
    expect(await readUntil(stream, '\n')).toBe('[keyturn:KEY]\n');
    stream.end();
  });

  it('masks the secret base64-encoded (standard and URL-safe) and percent-encoded', async () => {
    const odd = 'sk_live_a+b/c=d&e%f g~h';
    const oddMasks = new Map([[odd, '[keyturn:KEY]']]);
    const bytes = Buffer.from(odd);
    const printed = [bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(odd), `Basic ${Buffer.from(`user:${odd}`).toString('base64')}`].join('\n');
    const out = await through([...printed], oddMasks);
    expect(out.split('\n').slice(0, 3)).toEqual(['[keyturn:KEY]', '[keyturn:KEY]', '[keyturn:KEY]']);
    expect(out).toMatch(/^Basic .{0,8}\[keyturn:KEY\].{0,4}$/m);
  });
});
