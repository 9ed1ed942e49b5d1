import { describe, expect, it } from 'vitest';
import type { ScanReferenceView } from '../../../../../electron/contract/views.js';
import { scanReferenceRows, scanReferencesHeading, scanReferencesNote } from '../../../../../renderer/src/features/scan/scan-references.js';

const found = (over: Partial<ScanReferenceView> = {}): ScanReferenceView => ({
  file: '/p/api/.env',
  line: 2,
  variable: 'XORA_API_KEY',
  reference: 'keyturn://xora/acme/main/api',
  keyRef: 'xora/acme/main/api',
  ...over,
});

describe("the scan dialog's references", () => {
  it('are rows by file and line, with the variable (null when none) and the key named, or null when it names none here', () => {
    const rows = scanReferenceRows([found({ file: '/p/worker/.env', line: 7, variable: null, reference: 'keyturn://xora/acme/main/gone', keyRef: null }), found()]);
    expect(rows.map(({ where, variable, keyRef, reference }) => [where, variable, keyRef, reference])).toEqual([
      ['/p/api/.env:2', 'XORA_API_KEY', 'xora/acme/main/api', 'keyturn://xora/acme/main/api'],
      ['/p/worker/.env:7', null, null, 'keyturn://xora/acme/main/gone'],
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  it('two references on one line (a template) are two rows', () => {
    const rows = scanReferenceRows([found(), found({ reference: 'keyturn://xora/acme/main/other', keyRef: 'xora/acme/main/other' })]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  it('the note counts those that name no key of this vault, and says nothing of them when there are none', () => {
    expect(scanReferencesNote([found()])).toBe('Recorded as where each key is used: nothing is written there in a rotation.');
    expect(scanReferencesNote([found(), found({ keyRef: null })])).toContain('1 names no key of this vault: check it for a typo.');
    expect(scanReferencesNote([found({ keyRef: null }), found({ line: 3, keyRef: null })])).toContain('2 name no key of this vault: check them for a typo.');
  });

  it('the heading counts them', () => {
    expect(scanReferencesHeading(1)).toBe('1 reference found');
    expect(scanReferencesHeading(3)).toBe('3 references found');
  });
});
