import packageJson from '../../../package.json' with { type: 'json' };

/** Keyturn's version, as SARIF's tool.driver names it. */
export function toolVersion(): string | null {
  return typeof packageJson.version === 'string' ? packageJson.version : null;
}
