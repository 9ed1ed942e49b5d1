/** An encoded form shorter than this is not masked: it would match ordinary text by chance. */
const MIN_ENCODED_LENGTH = 8;

type Alphabet = 'base64' | 'base64url';

function base64Forms(bytes: Buffer, alphabet: Alphabet): string[] {
  const padded = bytes.toString('base64');
  const standalone = alphabet === 'base64' ? padded : bytes.toString('base64url');
  const forms = [alphabet === 'base64' ? padded : `${standalone}${'='.repeat((4 - (standalone.length % 4)) % 4)}`, standalone.replace(/=+$/, '')];
  // Inside a larger blob the secret's first byte may sit at any place of a 3-byte group; the groups
  // that lie wholly inside the secret encode the same whatever comes around it. Their characters are
  // masked; the 1–3 characters at each edge, which mix in the neighbours' bits, are not.
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole > 0) forms.push(bytes.subarray(skip, skip + whole).toString(alphabet));
  }
  return forms;
}

function percentForms(secret: string): string[] {
  let upper: string;
  try {
    upper = encodeURIComponent(secret);
  } catch {
    return []; // a lone surrogate has no percent-encoding
  }
  const lower = upper.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  // application/x-www-form-urlencoded: what URLSearchParams and HTML forms write (space as "+").
  const form = new URLSearchParams({ v: secret }).toString().slice(2);
  return [upper, lower, form];
}

/**
 * The strings a secret is masked as in a child's output: the secret itself, its percent-encodings
 * (encodeURIComponent, lower-case hex, form encoding) and its base64 (standard and URL-safe, with and
 * without padding, alone or at any alignment inside a larger blob). Longest first, no repeats.
 */
export function secretForms(secret: string): string[] {
  if (secret.length === 0) return [];
  const bytes = Buffer.from(secret, 'utf8');
  const encoded = [...percentForms(secret), ...base64Forms(bytes, 'base64'), ...base64Forms(bytes, 'base64url')].filter((form) => form.length >= MIN_ENCODED_LENGTH);
  return [...new Set([secret, ...encoded])].sort((a, b) => b.length - a.length);
}
