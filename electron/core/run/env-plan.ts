import type { Environment } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { typedBack } from '../domain/problems/typed-back.js';
import { isReference } from '../references/reference.js';
import type { DeclaredEnvironment, ReferenceUse } from '../references/resolve.js';
import { scanAssignments } from '../targets/kinds/dotenv/text.js';

/*
 * What `keyturn run --env-file FILE... --env VAR=REF...` puts in the child's environment, decided
 * before any key is looked up: pure, so the precedence is one function a property test can hold
 * to. The files are read with the dotenv target's own parser (comments, quotes, `export `, CRLF),
 * so a file means here what it means to the swap that writes it.
 */

/** A dotenv file as given on the command line (`path` as the person wrote it) and its text. */
export interface EnvFile {
  path: string;
  text: string;
}

/** One `--env VAR=REF`, its reference already in `keyturn://` form (see assignmentReference). */
export interface EnvAssignment {
  variable: string;
  reference: string;
}

/** Where a variable's value was written. */
export type VariableSource = { kind: 'file'; file: string; line: number } | { kind: 'assignment' };

/** A variable the run sets: a value passed as it is, or a reference to resolve. */
export interface PlannedVariable {
  variable: string;
  source: VariableSource;
  value: { kind: 'plain'; value: string } | { kind: 'reference'; reference: string };
  /** How a problem with it names it. */
  use: ReferenceUse;
}

export interface EnvPlan {
  /** The environment every key must be of: the option's, else the files' declaration, else none. */
  declared: DeclaredEnvironment | null;
  /** The variables the run sets, one each (the winner), in the order first written. */
  variables: PlannedVariable[];
}

const ENVIRONMENTS: readonly string[] = ['sandbox', 'production'] satisfies readonly Environment[];

/** `# keyturn: environment=VALUE`, spaces allowed around each part. */
const DECLARATION = /^\s*#\s*keyturn:\s*environment\s*=\s*(.*?)\s*$/;

/** Every `# keyturn: environment=` line of a file. A value that is no environment is refused. */
function declarationsIn(file: EnvFile): DeclaredEnvironment[] {
  const found: DeclaredEnvironment[] = [];
  const lines = file.text.split(/\r\n|\n|\r/);
  lines.forEach((content, i) => {
    const match = DECLARATION.exec(content);
    if (!match) return;
    const value = match[1] ?? '';
    if (!ENVIRONMENTS.includes(value)) fail('reference.declaration-malformed', { field: 'env', file: file.path, line: i + 1, value: typedBack(value) });
    found.push({ environment: value as Environment, by: 'file', file: file.path, line: i + 1 });
  });
  return found;
}

/**
 * The declared environment: the option wins over the files; without it, the files' declarations
 * must agree (two that differ are refused, naming both). A malformed declaration is refused even
 * beside the option: it is a line the person meant to say something with.
 */
function declaredEnvironment(files: readonly EnvFile[], option: Environment | null): DeclaredEnvironment | null {
  const declarations = files.flatMap(declarationsIn);
  if (option) return { environment: option, by: 'option' };
  const [first, ...rest] = declarations;
  if (!first) return null;
  const other = rest.find((d) => d.environment !== first.environment);
  if (other) {
    fail('reference.declarations-conflict', {
      field: 'env',
      file: first.file as string,
      line: first.line as number,
      declared: first.environment,
      otherFile: other.file as string,
      otherLine: other.line as number,
      otherDeclared: other.environment,
    });
  }
  return first;
}

/**
 * The plan of a run. Precedence: within a file the last assignment wins (as dotenv loaders read
 * it), a later file wins over an earlier one, and `--env` wins over every file. A file's value that
 * is a reference (starts with `keyturn://`) is resolved later; any other value is passed as it is.
 * Variables of the parent environment that nothing here sets are not listed: they are kept as they are.
 */
export function planEnv(input: { files: readonly EnvFile[]; assignments: readonly EnvAssignment[]; environment: Environment | null }): EnvPlan {
  const declared = declaredEnvironment(input.files, input.environment);
  const byVariable = new Map<string, PlannedVariable>();
  // A Map keeps a key where it was first set: the list is in the order variables were first written.
  const set = (planned: PlannedVariable) => byVariable.set(planned.variable, planned);
  for (const file of input.files) {
    for (const { variable, value, line } of scanAssignments(file.text)) {
      const use: ReferenceUse = { variable, source: 'file', file: file.path, line };
      set({ variable, source: { kind: 'file', file: file.path, line }, value: isReference(value) ? { kind: 'reference', reference: value } : { kind: 'plain', value }, use });
    }
  }
  for (const { variable, reference } of input.assignments) {
    set({ variable, source: { kind: 'assignment' }, value: { kind: 'reference', reference }, use: { variable, source: 'assignment' } });
  }
  return { declared, variables: [...byVariable.values()] };
}

/**
 * The environment the child gets: the parent's, with every planned variable set (a plain value as
 * written, a reference as its secret). `secrets` holds a secret for each planned reference.
 */
export function childEnvironment(parent: Readonly<Record<string, string | undefined>>, plan: EnvPlan, secrets: ReadonlyMap<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) if (value !== undefined) env[name] = value;
  for (const planned of plan.variables) {
    if (planned.value.kind === 'plain') env[planned.variable] = planned.value.value;
    else {
      const secret = secrets.get(planned.variable);
      if (secret === undefined) throw new Error(`internal: no secret resolved for ${planned.variable}`);
      env[planned.variable] = secret;
    }
  }
  return env;
}
