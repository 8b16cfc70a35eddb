// Rewrites src/core/lint/rules/index.ts from the rule files in that folder (one rule per file,
// its default export). Run after adding a rule; a test fails when the index is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'lint', 'rules');

export function ruleFiles() {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
}

export function renderIndex(names = ruleFiles()) {
  const ident = (n) => n.replace(/[^A-Za-z0-9_]/g, '_');
  return [
    '// Every rule, in one list. `node scripts/gen-rule-index.mjs` rewrites this file from the folder.',
    "import type { Rule } from '../types';",
    ...names.map((n) => `import ${ident(n)} from './${n}';`),
    '',
    'export const allRules: readonly Rule[] = [',
    ...names.map((n) => `  ${ident(n)},`),
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(path.join(dir, 'index.ts'), renderIndex());
  console.log(`wrote ${path.join(dir, 'index.ts')} with ${ruleFiles().length} rules`);
}
