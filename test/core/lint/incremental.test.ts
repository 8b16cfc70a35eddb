// The per-instruction findings cache: a linter that remembers findings across edits reports exactly what a
// linter running every rule over the whole file reports, whatever the edit (lines changed, added, removed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Linter, LintOptions } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import type { Finding, Rule } from '../../../src/core/lint/types';

const corpusDir = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'dockerfiles');
const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => f !== 'LICENSE').map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8')) : [];

/** Every rule as a whole-file rule: the reference the cache must agree with. */
const wholeFile: Rule[] = allRules.map((r) => ({ meta: r.meta, check: r.check }));

/** Every rule on, so off-by-default and experimental rules are compared too. */
const everything: LintOptions = { config: { override: { info: allRules.filter((r) => r.meta.offByDefault || r.meta.experimental).map((r) => r.meta.id) } } };

const plain = (findings: Finding[]) => JSON.parse(JSON.stringify(findings)) as unknown;

type Edit = { kind: 'change' | 'insert' | 'delete'; at: number; text: string };

function applyEdit(lines: string[], edit: Edit): string[] {
  const out = [...lines];
  const at = lines.length === 0 ? 0 : edit.at % lines.length;
  if (edit.kind === 'change') out[at] = edit.text;
  else if (edit.kind === 'insert') out.splice(at, 0, edit.text);
  else out.splice(at, 1);
  return out;
}

describe('lint: per-instruction findings cache', () => {
  let cached: Linter;
  let reference: Linter;
  before(async () => {
    cached = await Linter.create();
    reference = cached.withRules(wholeFile);
  });

  it('has per-instruction rules to cache (otherwise this file tests nothing)', () => {
    assert.ok(allRules.filter((r) => r.perInstruction).length >= 10);
  });

  it('agrees with whole-file linting on every corpus file, linted twice (the second time from the cache)', () => {
    assert.ok(corpus.length >= 200, `the corpus is at ${corpusDir}`);
    for (const text of corpus) {
      const expected = plain(reference.lint(text, everything));
      assert.deepEqual(plain(cached.lint(text, everything)), expected);
      assert.deepEqual(plain(cached.lint(text, everything)), expected);
    }
  });

  it('agrees after random edits of corpus files: changed, inserted and deleted lines shift cached findings correctly', () => {
    const corpusLines = corpus.flatMap((c) => c.split('\n')).filter((l) => l.trim() !== '');
    const edit = fc.record({
      kind: fc.constantFrom<Edit['kind']>('change', 'insert', 'delete'),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...corpusLines), fc.constantFrom('RUN apt-get install -y curl', 'SHELL ["pwsh", "-c"]', 'ONBUILD RUN apk add x', '', '# hadolint shell=pwsh', 'RUN a \\', 'FROM alpine AS b')),
    });
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, edits) => {
        let lines = corpus[file]!.split('\n');
        cached.lint(lines.join('\n'), everything);
        for (const e of edits) {
          lines = applyEdit(lines, e);
          const text = lines.join('\n');
          assert.deepEqual(plain(cached.lint(text, everything)), plain(reference.lint(text, everything)));
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('re-checks an instruction when only its context changes: settings, escape directive, shell', () => {
    const text = 'FROM registry.example.com/app:1\nRUN apt-get install curl\n';
    const trusted = (registries: string[]) => ({ config: { trustedRegistries: registries } });
    for (const options of [trusted(['docker.io']), trusted(['registry.example.com']), trusted(['docker.io'])]) {
      assert.deepEqual(plain(cached.lint(text, options)), plain(reference.lint(text, options)));
    }
    for (const variant of [text, `# escape=\`\n${text}`, text.replace('FROM', '# hadolint shell=pwsh\nFROM'), text]) {
      assert.deepEqual(plain(cached.lint(variant)), plain(reference.lint(variant)));
    }
  });
});
