import { execFile } from 'node:child_process';

/** What the Secret Service knows of one item without unlocking anything. */
export type ItemPresence = 'unlocked' | 'locked' | 'absent' | 'unknown' | 'no-tool';

/**
 * Talks to the Secret Service (D-Bus, Linux) through `dbus-send` (part of every D-Bus install) rather
 * than a D-Bus client library: it is called only when keytar found nothing, or to recover a lost
 * vault id, which are rare. `SearchItems` answers with two lists, unlocked and locked items, and needs
 * no unlock (gnome-keyring matches the attributes of a locked collection too). libsecret, under
 * keytar, reads a locked item as "no such item", so this is how a locked keychain is told apart from
 * a missing secret.
 */
function dbusSend(args: readonly string[], timeoutMs: number): Promise<{ ok: true; stdout: string } | { ok: false; noTool: boolean; detail: string }> {
  return new Promise((resolve) => {
    execFile('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets', ...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const noTool = (error as NodeJS.ErrnoException).code === 'ENOENT';
      resolve({ ok: false, noTool, detail: noTool ? 'dbus-send is not installed' : (stderr.split('\n')[0] ?? '') || error.message });
    });
  });
}

async function searchItems(attributes: Record<string, string>, timeoutMs: number) {
  // dbus-send's dict syntax separates keys and values with commas; ours never contain one.
  if (Object.entries(attributes).some(([k, v]) => k.includes(',') || v.includes(','))) return { ok: false as const, noTool: false, detail: 'an attribute holds a comma' };
  const dict = Object.entries(attributes).flat().join(',');
  return dbusSend(['/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems', `dict:string:string:${dict}`], timeoutMs);
}

/** Whether an item with these attributes exists, and whether it is locked. */
export async function searchSecretService(attributes: Record<string, string>, timeoutMs = 5_000): Promise<{ presence: ItemPresence; detail: string }> {
  const reply = await searchItems(attributes, timeoutMs);
  if (!reply.ok) return { presence: reply.noTool ? 'no-tool' : 'unknown', detail: reply.detail };
  return { presence: parseSearchReply(reply.stdout), detail: '' };
}

/**
 * The services of every keytar item stored for this account: how a vault id can be found again
 * from a key record's id alone. null when the Secret Service cannot be asked; 'locked' when the
 * items exist but are locked.
 */
export async function servicesHoldingAccount(account: string, timeoutMs = 5_000): Promise<string[] | 'locked' | null> {
  const reply = await searchItems({ account }, timeoutMs);
  if (!reply.ok) return null;
  const lists = searchLists(reply.stdout);
  if (!lists) return null;
  if (lists.unlocked.length === 0 && lists.locked.length > 0) return 'locked';
  const services: string[] = [];
  for (const path of lists.unlocked) {
    const attributes = await dbusSend([path, 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Item', 'string:Attributes'], timeoutMs);
    const service = attributes.ok ? parseAttributes(attributes.stdout).service : undefined;
    if (service) services.push(service);
  }
  return services;
}

/** The reply prints two arrays of object paths: the unlocked items, then the locked ones. */
function searchLists(stdout: string): { unlocked: string[]; locked: string[] } | null {
  const lists = stdout.split(/array \[/).slice(1);
  if (lists.length !== 2) return null;
  const paths = (text: string) => [...text.matchAll(/object path "([^"]+)"/g)].map((m) => m[1] as string);
  return { unlocked: paths(lists[0] ?? ''), locked: paths(lists[1] ?? '') };
}

export function parseSearchReply(stdout: string): ItemPresence {
  const lists = searchLists(stdout);
  if (!lists) return 'unknown';
  if (lists.locked.length > 0) return 'locked';
  if (lists.unlocked.length > 0) return 'unlocked';
  return 'absent';
}

/** `dict entry( string "k" string "v" )` pairs of a Properties.Get of an item's Attributes. */
export function parseAttributes(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/dict entry\(\s*string "([^"]*)"\s*string "([^"]*)"\s*\)/g)].map((m) => [m[1] as string, m[2] as string]));
}
