// The linter's checks run over a whole set of Dockerfiles: the project's fixtures (core tests) or
// the external corpus (the corpus group). Robustness: no rule crashes, bounded time per input.
// Cache: the per-instruction findings cache reports what whole-file linting reports, whatever the edit.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Linter, LintOptions } from '../../src/core/lint/engine';
import { allRules } from '../../src/core/lint/rules';
import type { Finding, Rule } from '../../src/core/lint/types';
import type { DockerfileSet } from './corpus';

const MAX_MS = 2000;

/** Lints `text`: no rule may crash, and it must take less than MAX_MS. */
export function assertLintSurvives(linter: Linter, text: string, label: string): void {
  const started = Date.now();
  const findings = linter.lint(text);
  const took = Date.now() - started;
  const crashes = findings.filter((f) => f.message.startsWith('internal error in rule'));
  assert.deepEqual(crashes.map((f) => f.message), [], `${label}: a rule crashed`);
  assert.ok(took < MAX_MS, `${label}: took ${took} ms`);
}

export function robustnessOverSet(set: DockerfileSet, atLeast: number): void {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));

  it(`lints every Dockerfile of ${set.label} without a crash (${set.files.length} files)`, () => {
    assert.ok(set.files.length >= atLeast, `${set.label}: ${set.files.length} files, expected at least ${atLeast}`);
    for (const { name, text } of set.files) assertLintSurvives(linter, text, name);
  });

  it(`survives mutated lines of ${set.label} (deleted, duplicated, swapped, truncated, junk inserted)`, () => {
    const line = fc.constantFrom(...set.files.flatMap((c) => c.text.split('\n')));
    const junk = fc.string({ unit: fc.constantFrom('\\', '"', "'", '[', ']', '{', '}', '$', '`', '<<', 'EOF', '#', '=', ' ', '\t', '\n', '-', '--', 'AS', 'RUN', 'FROM', 'é', '\u0000') });
    const mutated = fc.array(fc.oneof(line, junk, fc.tuple(line, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1)))), { maxLength: 40 });
    fc.assert(fc.property(mutated, (parts) => assertLintSurvives(linter, parts.join('\n'), 'mutated')), { numRuns: 400, seed: 42 });
  });
}

/** Every rule as a whole-file rule: the reference the cache must agree with. */
const wholeFile: Rule[] = allRules.map((r) => ({ meta: r.meta, check: r.check }));

/** A caching linter and the whole-file reference it must agree with. */
export async function cacheAndReference(): Promise<{ cached: Linter; reference: Linter }> {
  const cached = await Linter.create();
  return { cached, reference: cached.withRules(wholeFile) };
}

/** Every rule on, so off-by-default and experimental rules are compared too. */
export const everything: LintOptions = { config: { override: { info: allRules.filter((r) => r.meta.offByDefault || r.meta.experimental).map((r) => r.meta.id) } } };

export const plain = (findings: Finding[]) => JSON.parse(JSON.stringify(findings)) as unknown;

type Edit = { kind: 'change' | 'insert' | 'delete'; at: number; text: string };

function applyEdit(lines: string[], edit: Edit): string[] {
  const out = [...lines];
  const at = lines.length === 0 ? 0 : edit.at % lines.length;
  if (edit.kind === 'change') out[at] = edit.text;
  else if (edit.kind === 'insert') out.splice(at, 0, edit.text);
  else out.splice(at, 1);
  return out;
}

export function cacheAgreesOverSet(set: DockerfileSet, atLeast: number): void {
  let cached: Linter;
  let reference: Linter;
  before(async () => ({ cached, reference } = await cacheAndReference()));
  const files = set.files.map((f) => f.text);

  it(`agrees with whole-file linting on every file of ${set.label}, linted twice (the second time from the cache)`, () => {
    assert.ok(files.length >= atLeast, `${set.label}: ${files.length} files, expected at least ${atLeast}`);
    for (const text of files) {
      const expected = plain(reference.lint(text, everything));
      assert.deepEqual(plain(cached.lint(text, everything)), expected);
      assert.deepEqual(plain(cached.lint(text, everything)), expected);
    }
  });

  it(`agrees after random edits of files of ${set.label}: changed, inserted and deleted lines shift cached findings correctly`, () => {
    const fileLines = files.flatMap((c) => c.split('\n')).filter((l) => l.trim() !== '');
    const edit = fc.record({
      kind: fc.constantFrom<Edit['kind']>('change', 'insert', 'delete'),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...fileLines), fc.constantFrom('RUN apt-get install -y curl', 'SHELL ["pwsh", "-c"]', 'ONBUILD RUN apk add x', '', '# hadolint shell=pwsh', 'RUN a \\', 'FROM alpine AS b')),
    });
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, edits) => {
        let lines = files[file]!.split('\n');
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
}
