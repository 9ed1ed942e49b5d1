// What a hook runs in the hook tests instead of the built CLI: scanStaged from the hook's folder, a
// line per finding on stderr, exit 1 when there is one (as `keyturn scan --staged` does).
import { scanStaged } from '../../../../../electron/core/node/git/staged-scan.js';

const scan = await scanStaged('.', { matcher: { customProviders: [], vaultKeys: [] } });
for (const f of scan.findings) process.stderr.write(`found ${f.maskedKey} at ${f.path}:${f.line}\n`);
process.exit(scan.findings.length > 0 ? 1 : 0);
