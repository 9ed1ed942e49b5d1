import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const controlSchema = z.object({ controlUrl: z.string(), controlToken: z.string() });
export const servedEmulatorsSchema = z.object({
  xora: controlSchema.extend({ baseUrl: z.string() }),
  nexora: controlSchema.extend({ baseUrl: z.string() }),
  nora: controlSchema.extend({ baseUrls: z.object({ sandbox: z.string(), production: z.string() }) }),
  xerotier: controlSchema.extend({ baseUrl: z.string(), projects: z.array(z.object({ id: z.string(), slug: z.string() })) }),
});
export type ServedEmulators = z.infer<typeof servedEmulatorsSchema>;

/** The four emulators in a process of their own, so they do not share an event loop with what is measured. */
export async function spawnEmulators(args: string[]): Promise<{ served: ServedEmulators; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/serve.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulators exited (${code}) before announcing themselves`)));
  });
  lines.close();
  return {
    served: servedEmulatorsSchema.parse(JSON.parse(first)),
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const createdKeySchema = z.object({ id: z.string(), secret: z.string() });

/** Creates a key through an emulator's dashboard control. */
export async function createEmulatorKey(control: { controlUrl: string; controlToken: string }, options: Record<string, unknown>): Promise<z.infer<typeof createdKeySchema>> {
  const response = await fetch(`${control.controlUrl}/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-token': control.controlToken },
    body: JSON.stringify(options),
  });
  if (response.status !== 201) throw new Error(`creating an emulator key answered ${response.status}: ${await response.text()}`);
  return createdKeySchema.parse(await response.json());
}

/** Creates a Nexora user (an account of its own) through the emulator's control; its id. */
export async function createNexoraUser(control: { controlUrl: string; controlToken: string }): Promise<string> {
  const response = await fetch(`${control.controlUrl}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-token': control.controlToken },
    body: JSON.stringify({ email: `${randomUUID()}@bench.test`, password: 'bench' }),
  });
  if (response.status !== 201) throw new Error(`creating a Nexora user answered ${response.status}: ${await response.text()}`);
  return z.object({ id: z.string() }).parse(await response.json()).id;
}
