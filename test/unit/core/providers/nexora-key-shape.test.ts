import { describe, expect, it } from 'vitest';
import { detectProvider } from '../../../../electron/core/providers/detect.js';
import { nexoraProfile } from '../../../../electron/core/providers/nexora/profile.js';
import { startEmulator, type NexoraOptions } from '../../../emulators/index.js';

// Document 001 gives Nexora's prefix and nothing else of the key's shape: Keyturn must take any
// plausible length and alphabet, not the emulator's default 40 alphanumerics.
describe('Nexora keys of any length and alphabet the document allows', () => {
  const shapes: NexoraOptions[] = [
    { keyLength: 16, keyAlphabet: 'hex' },
    { keyLength: 32, keyAlphabet: 'base64url' },
    { keyLength: 64, keyAlphabet: 'alphanumeric' },
    { keyLength: 200, keyAlphabet: 'base64url' },
  ];
  for (const shape of shapes) {
    it(`${shape.keyLength} ${shape.keyAlphabet} characters after nxr_: accepted and recognised as Nexora`, async () => {
      const nexora = await startEmulator('nexora', { nexora: shape });
      try {
        for (let i = 0; i < 10; i += 1) {
          const { secret } = nexora.control.createKey({ name: `k${i}` });
          expect(secret).toHaveLength(4 + (shape.keyLength ?? 0));
          expect(nexoraProfile.checkKey(secret, { org: 'acme', env: 'production' })).toBeNull();
          expect(detectProvider(secret)?.profile.id).toBe('nexora');
        }
      } finally {
        await nexora.close();
      }
    });
  }
});
