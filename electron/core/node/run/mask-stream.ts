import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import { Masker, type Needle } from './masker.js';
import { secretForms } from './secret-forms.js';

/** How long a child may be silent before a held-back tail (a partial line such as `prompt> s`) is shown. */
export const QUIET_MS = 60;

/** Every form of every secret (see secretForms) with that secret's mask. */
export function needlesFor(secrets: ReadonlyMap<string, string>): Needle[] {
  return [...secrets].flatMap(([secret, mask]) => secretForms(secret).map((form) => ({ bytes: Buffer.from(form, 'utf8'), mask: Buffer.from(mask, 'utf8') })));
}

/**
 * A byte stream with every secret (and its percent and base64 forms) replaced by its mask, including
 * an occurrence split across chunks. Only a tail that could be the start of a secret is held back,
 * and only until more data comes or the writer has been quiet for `quietMs` (see Masker).
 */
export function maskingStream(secrets: ReadonlyMap<string, string>, options: { quietMs?: number } = {}): Transform {
  const quietMs = options.quietMs ?? QUIET_MS;
  const masker = new Masker(needlesFor(secrets));
  let timer: NodeJS.Timeout | null = null;
  const stopTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      stopTimer();
      const out = masker.push(chunk);
      if (masker.holding) {
        timer = setTimeout(() => {
          timer = null;
          const held = masker.quiet();
          if (held.length > 0) stream.push(held);
        }, quietMs);
        // The child's exit ends the stream and flushes; the timer alone keeps nothing alive.
        timer.unref();
      }
      done(null, out.length > 0 ? out : undefined);
    },
    flush(done: TransformCallback) {
      stopTimer();
      const out = masker.end();
      done(null, out.length > 0 ? out : undefined);
    },
    destroy(error, done) {
      stopTimer();
      done(error);
    },
  });
  return stream;
}

/** What a child's output goes through on its way to keyturn's stdout: masked, or as it is (`--no-masking`). */
export function childOutputStream(secrets: ReadonlyMap<string, string>, masking: boolean): Transform {
  return masking ? maskingStream(secrets) : new PassThrough();
}
