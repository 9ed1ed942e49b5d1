import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../../electron/core/domain/model.js';
import { ConfMetadataStore } from '../../../electron/core/node/store/conf-metadata-store.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

const SANDBOX = 'xora/acme/dev/api';
const PRODUCTION = 'xora/acme/prod/api';

/** A vault with a sandbox key and a production key, and a project folder beside it. */
async function vault() {
  const home = tempHome();
  const run = cliFor(home);
  const dev = sampleKeys.xora();
  const prod = sampleKeys.xora();
  expect((await run(['instance', 'add', 'xora', 'acme', 'dev', '--env', 'sandbox'])).code).toBe(0);
  expect((await run(['instance', 'add', 'xora', 'acme', 'prod', '--env', 'production'])).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/dev', 'api', '--no-verify'], dev)).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/prod', 'api', '--no-verify'], prod)).code).toBe(0);
  const project = join(home, 'project');
  mkdirSync(project);
  const file = (name: string, text?: string) => {
    const path = join(project, name);
    if (text !== undefined) writeFileSync(path, text);
    return path;
  };
  const auditActions = () =>
    readFileSync(join(home, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; keyId?: string; detail?: string });
  return { home, run, dev, prod, project, file, auditActions };
}

/** The project folder's files, to show that a refused render wrote nothing (no output, no record, no temporary file). */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('keyturn inject', () => {
  it('renders stdin to stdout: each placeholder (with or without spaces, several on a line) becomes its secret as it is', async () => {
    const { run, dev, prod, auditActions } = await vault();
    const template = `# config\nboth: "{{ keyturn://${SANDBOX} }}" '{{keyturn://${PRODUCTION}}}'\nagain: {{  keyturn://${SANDBOX}\t}}\nhelm: {{ .Values.kept }}\nnote: keyturn://${SANDBOX} stays text outside braces\n`;
    const rendered = await run(['inject'], template);
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    expect(rendered.stdout).toBe(`# config\nboth: "${dev}" '${prod}'\nagain: ${dev}\nhelm: {{ .Values.kept }}\nnote: keyturn://${SANDBOX} stays text outside braces\n`);
    // One audit entry per key revealed for the render, never the secret.
    const injected = auditActions().filter((e) => e.action === 'key.inject');
    expect(injected).toHaveLength(2);
    expect(JSON.stringify(auditActions())).not.toContain(dev);
  });

  it('writes -o atomically with mode 0600 from -i, and records that Keyturn wrote it (a hash, no secret)', async () => {
    const { run, dev, project, file } = await vault();
    const template = file('app.json.tpl', `{"key": "{{ keyturn://${SANDBOX} }}"}\n`);
    const output = join(project, 'app.json');
    const written = await run(['inject', '-i', template, '-o', output]);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(output, 'utf8')).toBe(`{"key": "${dev}"}\n`);
    expect(statSync(output).mode & 0o777).toBe(0o600);
    const names = readdirSync(project).sort();
    expect(names).toEqual(['.app.json.keyturn-injected', 'app.json', 'app.json.tpl']);
    expect(readFileSync(join(project, '.app.json.keyturn-injected'), 'utf8')).not.toContain(dev);
  });

  it('overwrites a file it wrote itself (the template changed), and leaves one unchanged that already holds the render', async () => {
    const { run, dev, file } = await vault();
    const template = file('app.yml.tpl', `key: {{ keyturn://${SANDBOX} }}\n`);
    const output = file('app.yml');
    expect((await run(['inject', '-i', template, '-o', output])).code).toBe(0);
    expect((await run(['inject', '-i', template, '-o', output])).stderr).toMatch(/^unchanged /);
    writeFileSync(template, `key: "{{ keyturn://${SANDBOX} }}"\nmore: 1\n`);
    expect((await run(['inject', '-i', template, '-o', output])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`key: "${dev}"\nmore: 1\n`);
  });

  it('forbids overwriting a file Keyturn did not write, or one a person edited since, unless --force', async () => {
    const { run, dev, project, file } = await vault();
    const template = file('app.yml.tpl', `key: {{ keyturn://${SANDBOX} }}\n`);
    const output = file('app.yml', 'precious: hand-written\n');
    const before = filesOf(project);
    const refused = await run(['inject', '-i', template, '-o', output]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Keyturn did not write it');
    expect(refused.stderr).toContain('--force');
    expect(filesOf(project)).toEqual(before);

    expect((await run(['inject', '-i', template, '-o', output, '--force'])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`key: ${dev}\n`);

    writeFileSync(output, `key: ${dev}\nadded: by a person\n`);
    const edited = await run(['inject', '-i', template, '-o', output]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain('changed since Keyturn wrote it');
    expect(readFileSync(output, 'utf8')).toBe(`key: ${dev}\nadded: by a person\n`);
    expect((await run(['inject', '-i', template, '-o', output, '--force'])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`key: ${dev}\n`);
  });

  it('forbids writing through a link, into a folder, or over the template itself', async () => {
    const { run, project, file } = await vault();
    const template = file('app.yml.tpl', `key: {{ keyturn://${SANDBOX} }}\n`);
    mkdirSync(join(project, 'folder'));
    const elsewhere = join(project, 'folder', 'real.yml');
    writeFileSync(elsewhere, 'real: 1\n');
    symlinkSync(elsewhere, join(project, 'link.yml'));
    const throughLink = await run(['inject', '-i', template, '-o', join(project, 'link.yml'), '--force']);
    expect(throughLink).toMatchObject({ code: 2, stderr: expect.stringContaining('a symbolic link') });
    expect(readFileSync(elsewhere, 'utf8')).toBe('real: 1\n');
    expect(await run(['inject', '-i', template, '-o', join(project, 'folder')])).toMatchObject({ code: 2, stderr: expect.stringContaining('a folder') });
    expect(await run(['inject', '-i', template, '-o', template])).toMatchObject({ code: 2, stderr: expect.stringContaining('the template itself') });
    expect(await run(['inject', '-i', template, '-o', join(project, 'no', 'such', 'out.yml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(readFileSync(template, 'utf8')).toBe(`key: {{ keyturn://${SANDBOX} }}\n`);
  });

  it('the environment guard forbids a production key where sandbox is declared, and the reverse; nothing is written', async () => {
    const { run, dev, prod, project, file } = await vault();
    const output = join(project, 'out.txt');
    const prodTemplate = file('prod.tpl', `line one\nk={{ keyturn://${PRODUCTION} }}\n`);
    const devTemplate = file('dev.tpl', `k={{ keyturn://${SANDBOX} }}\n`);
    const before = filesOf(project);

    const toSandbox = await run(['inject', '-i', prodTemplate, '-o', output, '--environment', 'sandbox']);
    expect(toSandbox.code).toBe(2);
    expect(toSandbox.stderr).toContain(`${prodTemplate}:2`);
    expect(toSandbox.stderr).toContain('production key');
    const toProduction = await run(['inject', '-i', devTemplate, '-o', output, '--environment', 'production']);
    expect(toProduction.code).toBe(2);
    expect(toProduction.stderr).toContain('sandbox key');
    expect(filesOf(project)).toEqual(before);
    for (const text of [toSandbox.stderr, toProduction.stderr]) expect(text).not.toMatch(new RegExp(`${dev}|${prod}`));

    expect((await run(['inject', '-i', prodTemplate, '-o', output, '--environment', 'production'])).code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`line one\nk=${prod}\n`);
    expect((await run(['inject', '--environment', 'staging'], 'x')).code).toBe(2);
  });

  it('forbids a render with a missing, revoked or malformed reference: exit 2, naming the line, and nothing written', async () => {
    const { home, run, project, file } = await vault();
    const output = join(project, 'out.txt');
    const good = `a={{ keyturn://${SANDBOX} }}\n`;
    const missing = await run(['inject', '-i', file('missing.tpl', `${good}b={{ keyturn://xora/acme/dev/nope }}\n`), '-o', output]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.tpl:2');
    const malformed = await run(['inject', '-i', file('malformed.tpl', `${good}b={{ keyturn://xora/acme }}\n`), '-o', output]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('malformed.tpl:2');
    const unclosed = await run(['inject', '-i', file('unclosed.tpl', `${good}b={{ keyturn://${SANDBOX}\n}}\n`), '-o', output]);
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr).toContain('unclosed.tpl:2');
    expect((await run(['inject', '-i', join(project, 'nothing.tpl'), '-o', output])).code).toBe(2);

    await new ConfMetadataStore(home).update((doc) => ({ doc: { ...doc, keys: doc.keys.map((k) => (k.instanceId === doc.instances.find((i) => i.name === 'prod')?.id ? { ...k, status: 'revoked' as const } : k)) }, result: null }));
    const revoked = await run(['inject', '-i', file('revoked.tpl', `${good}b={{ keyturn://${PRODUCTION} }}\n`), '-o', output]);
    expect(revoked.code).toBe(2);
    expect(revoked.stderr).toContain('was revoked');
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(project).filter((n) => !n.endsWith('.tpl'))).toEqual([]);
    // Nothing was revealed for a render that failed.
    expect(readFileSync(join(home, 'audit.log'), 'utf8')).not.toContain('key.inject');
  });

  it('--record-target makes the output a swap target of each key the template references (once), and needs -i and -o', async () => {
    const { run, project, file } = await vault();
    const template = file('app.env.tpl', `A={{ keyturn://${SANDBOX} }}\nB={{ keyturn://${PRODUCTION} }}\nC={{ keyturn://${SANDBOX} }}\n`);
    const output = join(project, 'app.env');
    const recorded = await run(['inject', '-i', template, '-o', output, '--record-target']);
    expect(recorded.code).toBe(0);
    for (const ref of [SANDBOX, PRODUCTION]) {
      const targets = JSON.parse((await run(['target', 'list', ref, '--json'])).stdout) as Target[];
      expect(targets).toEqual([{ id: expect.any(String), kind: 'inject', template, output }]);
    }
    const again = await run(['inject', '-i', template, '-o', output, '--record-target']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already a swap target');
    expect(JSON.parse((await run(['target', 'list', SANDBOX, '--json'])).stdout)).toHaveLength(1);
    expect(await run(['inject', '--record-target'], 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--record-target needs -i TEMPLATE and -o OUTPUT') });
  });

  it('target add REF inject TEMPLATE OUTPUT adds one for a template that references the key, and forbids one that does not', async () => {
    const { run, project, file } = await vault();
    const template = file('dev.tpl', `k={{ keyturn://${SANDBOX} }}\n`);
    const output = join(project, 'dev.out');
    const added = await run(['target', 'add', SANDBOX, 'inject', template, output]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`rendered from the template ${template}`);
    const notOfKey = await run(['target', 'add', PRODUCTION, 'inject', template, output]);
    expect(notOfKey.code).toBe(2);
    expect(notOfKey.stderr).toContain(`holds no {{ keyturn://… }} reference to ${PRODUCTION}`);
    expect((await run(['target', 'add', SANDBOX, 'inject', join(project, 'none.tpl'), output])).code).toBe(2);
    expect((await run(['target', 'add', SANDBOX, 'inject', template, join(project, 'none', 'x')])).code).toBe(2);
    expect(JSON.parse((await run(['target', 'list', PRODUCTION, '--json'])).stdout)).toEqual([]);
  });
});
