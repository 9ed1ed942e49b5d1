// electron-builder.yml, read and validated by electron-builder's own loader and schema (packaging
// itself needs the Electron binary, which cannot be downloaded here).
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

const config = (await getConfig(process.cwd())) as {
  appId?: string;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
  files?: unknown;
};

it('is a configuration electron-builder accepts', async () => {
  await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
});

it('builds Linux (AppImage, deb), macOS and Windows packages under one app id', () => {
  expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  expect(config.mac?.target?.length).toBeGreaterThan(0);
  expect(config.win?.target?.length).toBeGreaterThan(0);
});

it('forbids running the packaged app as Node, NODE_OPTIONS and inspect arguments (fuses off)', () => {
  expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
});

it('sets every fuse electron-builder supports, each deliberately: no unchecked asar, no file:// privileges', () => {
  const schema = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
  // Not a fuse: whether to re-sign ad hoc on macOS after flipping, which electron-builder's signing does.
  const fuses = Object.keys(schema.definitions.FuseOptionsV1.properties).filter((name) => name !== 'resetAdHocDarwinSignature');
  expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual(fuses.sort());
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  });
});

it('packages the built shell and renderer, and the package entry is the built shell', () => {
  const pkg = require('../../../package.json') as { main: string };
  expect(pkg.main).toBe('dist/electron/main.js');
  expect(JSON.stringify(config.files)).toContain('dist/electron/**');
  expect(JSON.stringify(config.files)).toContain('dist/renderer/**');
});

it('has the app icon where the packager looks for it, at least 512 px square', async () => {
  const { readFileSync } = await import('node:fs');
  const png = readFileSync('build/icon.png');
  // A PNG's IHDR: width and height are the big-endian words at bytes 16 and 20.
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  expect((config as { directories?: { buildResources?: string } }).directories?.buildResources).toBe('build');
});
