#!/usr/bin/env node
import { ensureDebianPackages } from './system-deps.mjs';

const result = ensureDebianPackages();
if (!result.ok) {
  console.error(result.message);
  process.exit(3);
}
