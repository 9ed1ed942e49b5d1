/** What a CLI run reads from and writes to; the real process in `main.ts`, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of standard input, for secrets (never taken from argv). */
  readStdin(): Promise<string>;
  /** Prompts on a terminal without echoing; null when there is no terminal. */
  promptSecret: ((message: string) => Promise<string>) | null;
  /** A visible answer on a terminal; null when there is no terminal. */
  ask: ((message: string) => Promise<string>) | null;
  confirm: ((message: string) => Promise<boolean>) | null;
  env: NodeJS.ProcessEnv;
  /** Byte streams for a child's output (keyturn run). */
  sinks: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
}

/** 4: another process runs that rotation right now; nothing was done here (wait for it). */
export const EXIT = { ok: 0, verificationFailed: 1, badInput: 2, failure: 3, busy: 4 } as const;

/** A piped secret ends with the newline `echo` adds; that one is not a paste mistake worth a warning. */
export function stripOneTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
