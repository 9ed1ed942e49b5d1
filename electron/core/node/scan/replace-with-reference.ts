import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import { scanAssignments } from '../../targets/kinds/dotenv/text.js';
import { checkDotenvFile, readCheckedFile, refused, requireWritableDotenv } from '../targets/kinds/dotenv/file-checks.js';
import { backupPathOf, sha256, writeDotenvTarget } from '../targets/kinds/dotenv/file-write.js';

export interface ReferenceRewrite {
  /** The file as the scan found it (a full path). */
  file: string;
  variable: string;
  /** The plaintext the scan found there and imported: only that value is replaced. */
  secret: string;
  reference: string;
  /** This scan's backup name (`<file>.keyturn-backup-<tag>`). */
  backupTag: string;
  /** Files (as resolved) this scan backed up already: their backup holds the file before any rewrite, and stays so. */
  backedUp: Set<string>;
}

/**
 * Rewrites one variable of a .env file from the imported plaintext key to the key's reference,
 * with the dotenv swap's own writer: every check it makes (a regular file with one name, writable,
 * not read-only), atomic, every other byte kept, the file before kept as a 0600 backup. Refused
 * (a ProblemError, nothing written): a file reached through a link, a variable that no longer
 * holds the key, or another line setting the same variable to something else.
 */
export async function replaceWithReference(rewrite: ReferenceRewrite): Promise<{ lines: number[]; backupPath: string }> {
  const { file, variable } = rewrite;
  const check = await checkDotenvFile(file);
  if (check.refusal !== null) throw refused(check.refusal);
  // The swap writes through a link only where the person accepted where it leads; a scan asks nobody.
  if (check.throughLink) throw new ProblemError(problem('scan.replace-through-link', { path: file, resolved: check.resolved }));
  const { resolved, stats } = await requireWritableDotenv(file, file);
  const text = await readCheckedFile(resolved, stats);
  const assignments = scanAssignments(text).filter((a) => a.variable === variable);
  // The writer sets every line of the variable: each must hold the imported key, or none is rewritten.
  const other = assignments.find((a) => a.value !== rewrite.secret);
  if (assignments.length === 0 || (other && assignments.every((a) => a.value !== rewrite.secret))) {
    throw new ProblemError(problem('scan.replace-value-changed', { path: file, variable }));
  }
  if (other) throw new ProblemError(problem('scan.replace-other-value', { path: file, variable, line: other.line }));
  const backUp = !rewrite.backedUp.has(resolved);
  await writeDotenvTarget({
    file,
    variable,
    value: rewrite.reference,
    expectedResolved: file,
    // The content checked above: a change since is refused, not overwritten.
    expectedSha256: sha256(text),
    ...(backUp ? { backupTag: rewrite.backupTag } : {}),
  });
  if (backUp) rewrite.backedUp.add(resolved);
  return { lines: assignments.map((a) => a.line), backupPath: backupPathOf(resolved, rewrite.backupTag) };
}
