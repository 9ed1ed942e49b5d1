import { describe, expect, it } from 'vitest';
import { parseAttributes, parseSearchReply } from '../../../../electron/core/node/keychain/secret-service-search.js';

// dbus-send's printout of SearchItems: the unlocked items, then the locked ones.
const reply = (unlocked: string[], locked: string[]) =>
  `method return time=1 sender=:1.1 -> destination=:1.4 serial=10 reply_serial=2\n   array [\n${unlocked.map((p) => `      object path "${p}"\n`).join('')}   ]\n   array [\n${locked.map((p) => `      object path "${p}"\n`).join('')}   ]\n`;

describe('reading the Secret Service search answer', () => {
  it('an item only in the locked list is locked, never absent', () => {
    expect(parseSearchReply(reply([], ['/org/freedesktop/secrets/collection/login/1']))).toBe('locked');
  });
  it('no item in either list is absent', () => {
    expect(parseSearchReply(reply([], []))).toBe('absent');
  });
  it('an unlocked item is unlocked', () => {
    expect(parseSearchReply(reply(['/org/freedesktop/secrets/collection/login/1'], []))).toBe('unlocked');
  });
  it('an answer of another shape is unknown', () => {
    expect(parseSearchReply('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBe('unknown');
  });
});

describe("reading an item's attributes", () => {
  it('gives each attribute of the printout, the service among them', () => {
    const printout = `method return time=1\n   variant       array [\n         dict entry(\n            string "account"\n            string "1234-5678"\n         )\n         dict entry(\n            string "service"\n            string "keyturn:abc"\n         )\n      ]\n`;
    expect(parseAttributes(printout)).toEqual({ account: '1234-5678', service: 'keyturn:abc' });
  });
});
