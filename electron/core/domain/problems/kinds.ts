/**
 * What a problem means for whoever asked: their input was wrong and nothing changed (`input`),
 * something outside them failed (`failure`), or another process holds what they asked for (`busy`).
 * The CLI turns it into its exit code; the app into where and how it shows the message.
 */
export type ProblemKind = 'input' | 'failure' | 'busy';

export type KindsOf<P extends { code: string }> = { readonly [C in P['code']]: ProblemKind };
