// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CallError, HostStopped } from '../../../../renderer/src/api/client.js';
import { HOST_STOPPED_TEXT, WINDOW_FAULT_TEXT } from '../../../../renderer/src/ui/format.js';
import { failureOf, placeFailure } from '../../../../renderer/src/ui/placed-failure.js';
import { addKeyMessages, shownFields } from '../../../../renderer/src/features/add-key/field-messages.js';

const notHttps = new CallError({ code: 'base-url.not-https', field: 'baseUrl', provider: 'Nexora' }, 'input');
const unexpected = new CallError({ code: 'unexpected', detail: 'disk full' }, 'failure');

describe('placing a failed call next to its field', () => {
  it('a problem naming a field keeps it, with the app wording; a problem naming none, or a plain error, has no field', () => {
    expect(failureOf(notHttps)).toEqual({ field: 'baseUrl', text: notHttps.message });
    expect(failureOf(unexpected)).toEqual({ field: null, text: 'Something went wrong: disk full' });
    expect(failureOf(new Error('boom')).field).toBeNull();
  });

  it("never shows a plain error's own text (TypeError, Failed to fetch, ENOENT …): the window's fault in words, a stopped host as what to do", () => {
    for (const raw of [new TypeError('Failed to fetch'), new TypeError("Cannot read properties of undefined (reading 'ref')"), new Error("ENOENT: no such file or directory, open '/x'"), 'a string']) {
      expect(failureOf(raw).text).toBe(WINDOW_FAULT_TEXT);
    }
    expect(failureOf(new HostStopped()).text).toBe("Keyturn has stopped. Start it again with the app's start command, then reload this page.");
    expect(HOST_STOPPED_TEXT).not.toMatch(/--|npm |keyturn /);
  });

  it('goes next to the field the form shows, else to the general area, never both', () => {
    const shown = placeFailure(failureOf(notHttps), ['baseUrl', 'org'] as const);
    expect(shown.at('baseUrl')).toBe(notHttps.message);
    expect(shown.at('org')).toBeNull();
    expect(shown.general).toBeNull();
    const notShown = placeFailure(failureOf(notHttps), ['org'] as const);
    expect(notShown.at('org')).toBeNull();
    expect(notShown.general).toBe(notHttps.message);
    expect(placeFailure(null, ['org'] as const).general).toBeNull();
  });

  it('the Add key dialog shows the instance fields only for a new instance: a base URL problem is general otherwise', () => {
    const creating = addKeyMessages(shownFields(true, false), failureOf(notHttps), null);
    expect(creating.at('baseUrl')).toEqual({ text: notHttps.message, live: 'alert' });
    expect(creating.general).toBeNull();
    const existing = addKeyMessages(shownFields(false, false), failureOf(notHttps), null);
    expect(existing.at('baseUrl')).toBeNull();
    expect(existing.general).toBe(notHttps.message);
    expect(shownFields(true, false)).not.toContain('projectId');
    expect(shownFields(true, true)).toContain('projectId');
  });

  it('the live check speaks next to an instance field as a status, and about the key itself on the key check line', () => {
    const byField = addKeyMessages(shownFields(true, false), null, failureOf(notHttps));
    expect(byField.at('baseUrl')).toEqual({ text: notHttps.message, live: 'status' });
    expect(byField.checkLine).toBeNull();
    const aboutKey = addKeyMessages(shownFields(true, false), null, { field: 'secret', text: 'too short' });
    expect(aboutKey.at('secret')).toBeNull();
    expect(aboutKey.checkLine).toBe('too short');
    // A failed store outranks the live check at the same field.
    expect(addKeyMessages(shownFields(true, false), { field: 'baseUrl', text: 'stored' }, { field: 'baseUrl', text: 'checked' }).at('baseUrl')?.text).toBe('stored');
  });
});
