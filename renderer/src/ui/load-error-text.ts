import { appProblemText } from '../problems/wordings.js';
import type { LoadError } from '../store/vault-slice.js';
import { HOST_STOPPED_TEXT, WINDOW_FAULT_TEXT } from './format.js';

/** Why the vault could not be read, in the app's words. */
export function loadErrorText(error: LoadError): string {
  if (error.kind === 'problem') return appProblemText(error.problem);
  if (error.kind === 'host-stopped') return HOST_STOPPED_TEXT;
  return WINDOW_FAULT_TEXT;
}
