// What every dashboard's create form checks, worded as a dashboard would.
export const NAME_MAX = 100;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A key's name: required, surrounding spaces dropped, at most NAME_MAX characters (an emulator limit; the documents give none). */
export function keyName(form: URLSearchParams, label: string): Checked<string> {
  const name = (form.get('name') ?? '').trim();
  if (name === '') return { ok: false, error: `${label} is required.` };
  if (name.length > NAME_MAX) return { ok: false, error: `${label} is at most ${NAME_MAX} characters.` };
  return { ok: true, value: name };
}

/** `sk_live_abc123…`: the prefix and a few characters, never the secret. */
export function maskSecret(secret: string, prefixLength: number, shown: number): string {
  return `${secret.slice(0, prefixLength + shown)}…`;
}
