import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fingerprintOf } from '../../crypto/fingerprint.js';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import type { ScanProblem } from '../../domain/problems/scan.js';
import { detectProvider } from '../../providers/detect.js';
import { maskKey } from '../../providers/key-shape.js';
import { scanAssignments } from '../../targets/kinds/dotenv/text.js';
import type { FoundReference } from '../../references/record-sites.js';
import { referencesInDotenv } from '../../scan/references-in-dotenv.js';
import { specialFileKind } from '../../fs/file-kind.js';
import { readCappedRegularFile } from '../fs/read-capped.js';
import type { Finding, FolderScan, SkippedFile } from '../../scan/finding.js';

// What a scan finds is plain data (./finding.js, which the contract shows); callers that scan get it here too.
export { toDisplay, type FolderScan, type SkippedFile } from '../../scan/finding.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export interface ScanOptions {
  maxFileBytes?: number;
  /** Told about every `.env`-style entry (and unreadable folder) that was not read. */
  onSkip?: (skipped: SkippedFile) => void;
}

/**
 * Provider-shaped keys and `keyturn://` references in `.env`-style files under a folder, and the
 * files that were read (their reference sites are replaced by what was found in them now). Only regular files are read: symbolic
 * links (to files or folders) are never followed — a link may point out of the tree, at a FIFO, a
 * device or a huge file, and an imported swap target must be the file itself — and are reported as
 * skipped, as are FIFOs, sockets, devices and files over the size cap. node_modules and .git are skipped.
 */
export async function scanFolder(dir: string, options: ScanOptions = {}): Promise<FolderScan> {
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
  const skip = (file: string, why: ScanProblem) => options.onSkip?.({ file, problem: why });
  const findings: Finding[] = [];
  const references: FoundReference[] = [];
  const scannedFiles: string[] = [];
  const walk = async (folder: string, isRoot: boolean): Promise<void> => {
    let entries;
    try {
      // Dirents carry lstat's answer: a symbolic link is a link here, never what it points to.
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw rootProblem(folder, error);
      return skip(folder, problem('scan.folder-unreadable', { reason: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, false);
        continue;
      }
      if (!isEnvFile(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        skip(full, problem('scan.symbolic-link', {}));
        continue;
      }
      if (!entry.isFile()) {
        skip(full, problem('scan.not-regular-file', { kind: specialFileKind(entry) ?? 'not a file' }));
        continue;
      }
      const read = await readCappedRegularFile(full, maxFileBytes);
      if (!read.ok) {
        skip(full, problem('scan.file-unread', { reason: read.reason }));
        continue;
      }
      scannedFiles.push(full);
      const assignments = scanAssignments(read.text);
      references.push(...referencesInDotenv(full, read.text, assignments));
      for (const { variable, value, line } of assignments) {
        const detected = detectProvider(value);
        if (!detected) continue;
        findings.push({
          file: full,
          variable,
          line,
          providerId: detected.profile.id,
          environment: detected.environment,
          org: detected.org,
          maskedKey: maskKey(detected.profile, value),
          fingerprint: fingerprintOf(value),
          secret: value,
        });
      }
    }
  };
  await walk(resolve(dir), true);
  return { findings, references, scannedFiles };
}

/**
 * Why the folder itself could not be scanned, as a problem naming it: not there, a file, or a
 * folder Keyturn may not read (the OS's code); an error that is none of these is thrown as it is.
 */
function rootProblem(folder: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ProblemError(problem('scan.folder-missing', { path: folder, is: 'missing' }), { cause: error });
  if (code === 'ENOTDIR') return new ProblemError(problem('scan.folder-missing', { path: folder, is: 'file' }), { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new ProblemError(problem('scan.folder-unreadable', { reason: code }), { cause: error });
  return error;
}
