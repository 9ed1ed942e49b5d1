import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fingerprintOf, maskSecret } from '../crypto/fingerprint.js';
import type { Environment } from '../domain/model.js';
import { detectProvider } from '../providers/detect.js';
import { scanDotenvText } from '../targets/dotenv-text.js';

export interface Finding {
  file: string;
  variable: string;
  line: number;
  providerId: string;
  environment: Environment | null;
  org: string | null;
  maskedKey: string;
  fingerprint: string;
  /** Kept in memory for an import; never shown: use toDisplay(). */
  secret: string;
}

export type DisplayedFinding = Omit<Finding, 'secret'>;

export function toDisplay({ secret: _secret, ...shown }: Finding): DisplayedFinding {
  return shown;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

/** Provider-shaped keys in `.env`-style files under a folder (node_modules, .git and symlinked folders skipped). */
export async function scanFolder(dir: string, options: { maxFileBytes?: number } = {}): Promise<Finding[]> {
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const findings: Finding[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full);
        continue;
      }
      // Symlinked folders are not followed (no loops); symlinked files are read.
      if (!isEnvFile(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const info = await lstat(full).catch(() => null);
      if (!info || info.size > maxFileBytes) continue;
      const text = await readFile(full, 'utf8').catch(() => null);
      if (text === null) continue;
      for (const { variable, value, line } of scanDotenvText(text)) {
        const detected = detectProvider(value);
        if (!detected) continue;
        findings.push({
          file: full,
          variable,
          line,
          providerId: detected.profile.id,
          environment: detected.environment,
          org: detected.org,
          maskedKey: maskSecret(value, detected.profile.visiblePrefix(value), detected.profile.id === 'xerotier' ? 4 : 6),
          fingerprint: fingerprintOf(value),
          secret: value,
        });
      }
    }
  };
  await walk(resolve(dir));
  return findings;
}
