import { findReferencesInText } from '../references/reference.js';
import type { FoundReference } from '../references/record-sites.js';
import type { DotenvAssignment } from '../targets/kinds/dotenv/text.js';

/** A `#` that starts a comment: at the start of a line or after a space, as dotenv loaders read it. */
const COMMENT = /(^|\s)#/;

/**
 * The `keyturn://` references of a dotenv file, each with its line and, when it lies in a value,
 * the variable it fills. A reference in a comment is nobody's use (no loader reads it), so it is no
 * site: recording it would list a process to restart, or warn at a rotation, for nothing.
 */
export function referencesInDotenv(file: string, text: string, assignments: readonly DotenvAssignment[]): FoundReference[] {
  const found: FoundReference[] = [];
  for (const r of findReferencesInText(text)) {
    const assignment = assignments.find((a) => a.valueStart <= r.start && r.end <= a.valueEnd);
    if (assignment) {
      found.push({ file, line: assignment.line, reference: r.reference, variable: assignment.variable });
      continue;
    }
    const before = text.slice(0, r.start);
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    if (COMMENT.test(before.slice(lineStart))) continue;
    // Lines as the dotenv reader counts them: CRLF, LF and a lone CR each end one.
    const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
    found.push({ file, line, reference: r.reference });
  }
  return found;
}
