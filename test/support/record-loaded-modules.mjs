// Imported first into a process under test (node --import): every ES module it loads is appended,
// one URL a line, to the file named by KEYTURN_LOADED_MODULES_FILE.
import { register } from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url, { data: { file: process.env.KEYTURN_LOADED_MODULES_FILE } });
