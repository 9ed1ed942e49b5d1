import { InvalidArgumentError } from 'commander';
import { ENVIRONMENTS, type Environment } from '../../core/domain/model.js';

export function parseEnvironment(value: string): Environment {
  if ((ENVIRONMENTS as readonly string[]).includes(value)) return value as Environment;
  throw new InvalidArgumentError('must be sandbox or production.');
}

import { MAX_DAYS } from '../../core/domain/model.js';

export { MAX_DAYS };
/** The longest wait a command accepts: a day. Beyond, a timer would overflow and fire at once. */
export const MAX_WAIT_SECONDS = 86_400;

/**
 * A commander parser for a whole number within a range. Numbers past the range (or past what a
 * double holds exactly) are bad input, refused before anything runs.
 */
export function wholeNumberIn(min: number, max: number, unit = ''): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}.`);
    return n;
  };
}

export const parseDays = wholeNumberIn(1, MAX_DAYS, 'days');
export const parseWaitSeconds = wholeNumberIn(1, MAX_WAIT_SECONDS, 'seconds');
export const parsePort = wholeNumberIn(1, 65_535);
