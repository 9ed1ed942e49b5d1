// Which Debian tools the tests need, and how to get them. Shared by the test and keyring scripts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Debian packages a fresh machine lacks for the tests: keychain daemon, D-Bus, libsecret, Chromium, and PostgreSQL 15 for the team inventory's tests. */
export const DEBIAN_PACKAGES = ['chromium', 'dbus', 'gnome-keyring', 'libsecret-1-dev', 'postgresql-15'];
export const APT_COMMAND = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

export function missingSystemTools(tools) {
  return tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
}

export function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/** Installs what is missing when we are root; otherwise returns the exact command to run. */
export function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return { ok: false, message: `missing Debian packages: ${missing.join(', ')}. Run: sudo apt-get update && sudo ${APT_COMMAND}` };
  }
  console.log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  return { ok: true };
}
