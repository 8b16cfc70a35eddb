// Writes docs/rules.md from the rules' metadata (run `npx tsc -p .` first; `npm run docs` does both).
// A test fails when the committed file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { renderRulesIndex } = require(path.join(root, 'out', 'src', 'core', 'lint', 'docs.js'));
const { allRules } = require(path.join(root, 'out', 'src', 'core', 'lint', 'rules', 'index.js'));
fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs', 'rules.md'), renderRulesIndex(allRules));
console.log(`wrote docs/rules.md: ${allRules.length} rules`);
