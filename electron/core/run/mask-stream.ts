import { Transform, type TransformCallback } from 'node:stream';

/**
 * Replaces every occurrence of a secret in a byte stream with its mask, including an occurrence
 * split across chunks: the last (longest secret − 1) bytes are held back until more data or the end.
 */
export function maskingStream(secrets: ReadonlyMap<string, string>): Transform {
  const needles = [...secrets].filter(([secret]) => secret.length > 0).map(([secret, mask]) => ({ secret: Buffer.from(secret), mask: Buffer.from(mask) }));
  const hold = Math.max(0, ...needles.map((n) => n.secret.length)) - 1;
  let pending = Buffer.alloc(0);

  const drain = (final: boolean): Buffer => {
    const buf = pending;
    const safeEnd = final ? buf.length : Math.max(0, buf.length - hold);
    const out: Buffer[] = [];
    let i = 0;
    while (i < safeEnd) {
      let next: { at: number; needle: (typeof needles)[number] } | null = null;
      for (const needle of needles) {
        const at = buf.indexOf(needle.secret, i);
        if (at !== -1 && at < safeEnd && (!next || at < next.at)) next = { at, needle };
      }
      if (!next) {
        out.push(buf.subarray(i, safeEnd));
        i = safeEnd;
        break;
      }
      out.push(buf.subarray(i, next.at), next.needle.mask);
      i = next.at + next.needle.secret.length;
    }
    pending = buf.subarray(i);
    return Buffer.concat(out);
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending = Buffer.concat([pending, chunk]);
      done(null, drain(false));
    },
    flush(done: TransformCallback) {
      done(null, drain(true));
    },
  });
}
