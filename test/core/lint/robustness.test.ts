// The linter on real and hostile input: never throws, no rule crashes, bounded time per input.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Linter } from '../../../src/core/lint/engine';

const corpusDir = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'dockerfiles');
const corpus = fs.existsSync(corpusDir)
  ? fs.readdirSync(corpusDir).filter((f) => f !== 'LICENSE').map((f) => ({ name: f, text: fs.readFileSync(path.join(corpusDir, f), 'utf8') }))
  : [];
const MAX_MS = 2000;

describe('lint robustness', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));

  const check = (text: string, label: string) => {
    const started = Date.now();
    const findings = linter.lint(text);
    const took = Date.now() - started;
    const crashes = findings.filter((f) => f.message.startsWith('internal error in rule'));
    assert.deepEqual(crashes.map((f) => f.message), [], `${label}: a rule crashed`);
    assert.ok(took < MAX_MS, `${label}: took ${took} ms`);
  };

  it(`lints every Dockerfile of the shared corpus without a crash (${corpus.length} files)`, () => {
    assert.ok(corpus.length >= 200, `the corpus is at ${corpusDir}`);
    for (const { name, text } of corpus) check(text, name);
  });

  it('survives mutated corpus lines (deleted, duplicated, swapped, truncated, junk inserted)', () => {
    const lines = corpus.flatMap((c) => c.text.split('\n'));
    const line = fc.constantFrom(...lines);
    const junk = fc.string({ unit: fc.constantFrom('\\', '"', "'", '[', ']', '{', '}', '$', '`', '<<', 'EOF', '#', '=', ' ', '\t', '\n', '-', '--', 'AS', 'RUN', 'FROM', 'é', '\u0000') });
    const mutated = fc.array(fc.oneof(line, junk, fc.tuple(line, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1)))), { maxLength: 40 });
    fc.assert(fc.property(mutated, (parts) => check(parts.join('\n'), 'mutated')), { numRuns: 400, seed: 42 });
  });

  it('survives random unicode and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => check(s, 'random')), { numRuns: 300, seed: 7 });
  });

  it('stays bounded on a 200,000-character line, 5,000 continuation lines, and 2,000 stages', () => {
    check(`FROM debian:12\nRUN echo ${'x'.repeat(200_000)}\n`, 'huge line');
    check(`FROM debian:12\nRUN apt-get install -y \\\n${'  pkg \\\n'.repeat(5000)}  last\n`, 'deep continuation');
    check(Array.from({ length: 2000 }, (_, i) => `FROM busybox:1 AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`).join('\n'), 'many stages');
    check(`FROM debian:12\nRUN ${'$(echo '.repeat(300)}x${')'.repeat(300)}\n`, 'deep nesting');
  });
});
