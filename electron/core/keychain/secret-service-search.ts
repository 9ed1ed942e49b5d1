import { execFile } from 'node:child_process';

/** What the Secret Service knows of one item without unlocking anything. */
export type ItemPresence = 'unlocked' | 'locked' | 'absent' | 'unknown' | 'no-tool';

/**
 * Asks the Secret Service (D-Bus, Linux) whether an item with these attributes exists and whether
 * it is locked: `SearchItems` answers with two lists, unlocked and locked items, and needs no unlock
 * (gnome-keyring matches the attributes of a locked collection too). libsecret, under keytar, reads
 * a locked item as "no such item", so this is how a locked keychain is told apart from a missing
 * secret. It runs `dbus-send` (part of every D-Bus install) rather than a D-Bus client library: it
 * is called only when keytar found nothing, which is rare. 'no-tool' when dbus-send is not installed,
 * 'unknown' when it fails.
 */
export function searchSecretService(attributes: Record<string, string>, timeoutMs = 5_000): Promise<{ presence: ItemPresence; detail: string }> {
  // dbus-send's dict syntax separates keys and values with commas; ours never contain one.
  if (Object.entries(attributes).some(([k, v]) => /[,]/.test(k) || /[,]/.test(v))) return Promise.resolve({ presence: 'unknown', detail: 'an attribute holds a comma' });
  const dict = Object.entries(attributes).flat().join(',');
  const args = ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems', `dict:string:string:${dict}`];
  return new Promise((resolve) => {
    execFile('dbus-send', args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') resolve({ presence: 'no-tool', detail: 'dbus-send is not installed' });
        else resolve({ presence: 'unknown', detail: (stderr.split('\n')[0] ?? '') || error.message });
        return;
      }
      resolve({ presence: parseSearchReply(stdout), detail: '' });
    });
  });
}

/** The reply prints two arrays of object paths: the unlocked items, then the locked ones. */
export function parseSearchReply(stdout: string): ItemPresence {
  const lists = stdout.split(/array \[/).slice(1);
  if (lists.length !== 2) return 'unknown';
  const count = (text: string) => (text.match(/object path "/g) ?? []).length;
  if (count(lists[1] ?? '') > 0) return 'locked';
  if (count(lists[0] ?? '') > 0) return 'unlocked';
  return 'absent';
}
