// Random material for keys and ids. Everything comes from node:crypto: emulated secrets are
// handled by the code under test exactly like real ones, so they should look and behave alike.
import { randomBytes, randomUUID } from 'node:crypto';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Letters, digits, `-` and `_`: the characters of a base64url token. */
export const BASE64URL = `${ALNUM}-_`;

/** `length` characters drawn uniformly from `alphabet` (at most 256 symbols). */
export function randomFrom(alphabet: string, length: number): string {
  // Rejection sampling: a plain `byte % n` would favour the first 256 % n symbols.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += alphabet.charAt(byte % alphabet.length);
      if (out.length === length) break;
    }
  }
  return out;
}

export const randomAlnum = (length: number): string => randomFrom(ALNUM, length);
export const BASE64URL_ALPHABET = `${ALNUM}-_`;
export const HEX_ALPHABET = '0123456789abcdef';
export const randomUpperAlnum = (length: number): string => randomFrom(UPPER_ALNUM, length);

/** Base64url of `bytes` random bytes, unpadded (32 bytes → 43 characters). */
export const randomBase64Url = (bytes: number): string => randomBytes(bytes).toString('base64url');

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

export const newId = (prefix: string, length = 16): string => `${prefix}${randomAlnum(length)}`;

export const newUuid = (): string => randomUUID();
