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
  sinks: {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** stdout and stderr are one terminal, pipe or file (`2>&1`): a child's two streams are masked as one. */
    merged?: boolean;
    /** stdin is a terminal: Ctrl-C reaches a child from the terminal itself, not through keyturn. */
    interactive?: boolean;
  };
  /**
   * Called when this process should end by this signal rather than an exit code, once everything is
   * closed: as a shell does when the command it waited for died of Ctrl-C. Absent in tests.
   */
  endBySignal?: (signal: NodeJS.Signals) => void;
}

/** 4: another process runs that rotation right now; nothing was done here (wait for it). */
export const EXIT = { ok: 0, verificationFailed: 1, badInput: 2, failure: 3, busy: 4 } as const;

/** A piped secret ends with the newline `echo` adds; that one is not a paste mistake worth a warning. */
export function stripOneTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
