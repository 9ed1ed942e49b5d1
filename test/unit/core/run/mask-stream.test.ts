import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskingStream } from '../../../../electron/core/run/mask-stream.js';

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
});
