import { useEffect, useState } from 'react';
import type { KeyCheck } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, generalFailure, type Failure } from '../../ui/placed-failure.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { appProblemText } from '../../problems/wordings.js';

/** How long typing must pause before the host checks the key (as Add key waits). */
export const CHECK_DELAY_MS = 150;

/** What the live check says of the key in the field: nothing yet, fine, or why it cannot be used. */
export type NewKeyCheckLine = { tone: 'ok'; text: string } | { tone: 'error'; text: string } | null;

/**
 * The guided rotation's pasted key, checked while typing by the host's own check (the one Add key
 * and the paste answer use, so the field and the answer never disagree). Nothing is stored.
 */
export function useNewKeyCheck(rotationId: string | null, secret: string): NewKeyCheckLine {
  const [check, setCheck] = useState<KeyCheck | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  useEffect(() => {
    // The last answer stays until the next one arrives: the line does not flicker while typing.
    const answer = (next: KeyCheck | null, failed: Failure | null) => {
      setCheck(next);
      setFailure(failed);
    };
    if (rotationId === null || secret === '') return answer(null, null);
    const tooLong = secretLengthProblem(secret);
    if (tooLong) return answer(null, generalFailure(`That key cannot be used: ${tooLong}.`));
    const timer = setTimeout(() => {
      hostApi()
        .rotationCheckNewKey({ rotationId, secret })
        .then(
          (result) => answer(result, null),
          (e: unknown) => answer(null, failureOf(e)),
        );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [rotationId, secret]);

  if (secret === '') return null;
  if (failure) return { tone: 'error', text: failure.text };
  if (!check) return null;
  if (check.refusal) return { tone: 'error', text: appProblemText(check.refusal) };
  return { tone: 'ok', text: `Looks right: ${check.maskedKey}${check.warnings.length ? ` (${check.warnings.join('; ')})` : ''}` };
}
