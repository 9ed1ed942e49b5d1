// What a run with secrets is asked to do and how it ended: the types the plain and the pseudo-terminal runs share.

/** keyturn's stdin as the pty run uses it: a terminal (tty.ReadStream) or any byte stream. */
export interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface RunWithSecrets {
  command: string;
  args: readonly string[];
  /** Variable → secret: injected into this child's environment only. */
  env: Readonly<Record<string, string>>;
  /** Variable → a value that is no secret (a plain value of an env file): set as it is, not masked. `env` wins over it. */
  plain?: Readonly<Record<string, string>>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * stdout and stderr reach one place (a terminal, `2>&1`): the child's two streams are masked as
   * one, in the order they arrive, and written to `stdout`, so a secret written half to each is
   * still masked there.
   */
  merged?: boolean;
  /**
   * keyturn runs on a terminal: Ctrl-C and Ctrl-\ reach the child from the terminal itself (one
   * process group), so keyturn waits for the child instead of sending it a second SIGINT/SIGQUIT.
   */
  interactive?: boolean;
  cwd?: string;
  /**
   * keyturn's own stdout is a terminal: the child runs under a pseudo-terminal, so it keeps its
   * colours and line editing (its output, masked, goes to `stdout`).
   */
  terminal?: boolean;
  /**
   * With `terminal`: what is typed, forwarded to the child's terminal (put in raw mode while the
   * child runs, when it is a terminal itself). Default process.stdin. Without `terminal` the child
   * reads keyturn's own stdin directly.
   */
  stdin?: TerminalInput;
  /** false: the child's output is passed on as it is (`--no-masking`; the caller says so on stderr). Default true. */
  masking?: boolean;
}

export interface RunOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}
