// Fills the check-kinds section of docs/packs.md from the kinds' metas (run `npx tsc -p .` first;
// `npm run docs` does both). A test fails when the committed section is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { withCheckKinds } = require(path.join(root, 'out', 'src', 'core', 'labs', 'docs.js'));
const { CHECK_KINDS } = require(path.join(root, 'out', 'src', 'core', 'labs', 'checks', 'index.js'));
const file = path.join(root, 'docs', 'packs.md');
fs.writeFileSync(file, withCheckKinds(fs.readFileSync(file, 'utf8'), CHECK_KINDS));
console.log(`wrote docs/packs.md: ${CHECK_KINDS.length} check kinds`);
