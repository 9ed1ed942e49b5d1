import type { Problem } from '../domain/problems/catalogue.js';

/**
 * Where core reports what a person must be told although nothing failed (an audit entry that
 * could not be written, a corrupt file moved aside): a problem, which each host words and shows
 * its own way. Core never writes to the console.
 */
export interface Logger {
  warn(problem: Problem): void;
}

/** Keeps the problems, for a host that shows them later: the CLI when the command ends, the app in its overview. */
export class CollectingLogger implements Logger {
  readonly #problems: Problem[] = [];

  warn(problem: Problem): void {
    this.#problems.push(problem);
  }

  get problems(): readonly Problem[] {
    return this.#problems;
  }
}
