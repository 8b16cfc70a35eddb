// ESLint-style rule tests: a `valid` table (no finding from this rule) and an `invalid` table
// (the findings expected, by 1-based line and optionally column and message), and optionally the
// text after applying each finding's first fix, or that no finding offers a fix.
import assert from 'node:assert/strict';
import { Linter, LintOptions } from '../../../src/core/lint/engine';
import type { Finding, Rule } from '../../../src/core/lint/types';
import { applyFixes } from '../../../src/core/lint/fixes';

export interface ValidCase {
  code: string;
  name?: string;
  options?: LintOptions;
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  /** Also check the end (1-based, exclusive column as in the JSON output). */
  endLine?: number;
  endColumn?: number;
  message?: RegExp | string;
  /** The finding's aliases, exactly (e.g. [] for a DL3025 that BuildKit would not report). */
  aliases?: string[];
  /** The 1-based lines of its related information, in order. */
  related?: number[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The document after applying the first fix of every finding. */
  output?: string;
  /** No finding offers a fix (where a fix would be unsafe). */
  noFix?: true;
}

let shared: Promise<Linter> | undefined;

/** One linter per rule under test, sharing the (slow to load) shell parser. */
export async function linterFor(rule: Rule): Promise<Linter> {
  shared ??= Linter.create({ rules: [] });
  return (await shared).withRules([rule]);
}

function title(c: ValidCase): string {
  return c.name ?? c.code.replace(/\n/g, '⏎ ').slice(0, 90);
}

export function ruleTester(rule: Rule, tables: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.id} (${rule.meta.description})`, () => {
    let linter: Linter;
    before(async () => (linter = await linterFor(rule)));

    const ownFindings = (c: ValidCase): Finding[] => linter.lint(c.code, withRuleOn(rule, c.options)).filter((f) => f.code === rule.meta.id);

    for (const raw of tables.valid) {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid: ${title(c)}`, () => {
        const found = ownFindings(c);
        assert.deepEqual(found.map(describeFinding), [], `expected no ${rule.meta.id} finding`);
      });
    }

    for (const c of tables.invalid) {
      it(`invalid: ${title(c)}`, () => {
        const found = ownFindings(c);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} ${rule.meta.id} finding(s), got:\n${found.map(describeFinding).join('\n')}`);
        c.errors.forEach((expected, i) => {
          const f = found[i]!;
          assert.equal(f.range.start.line + 1, expected.line, `finding ${i + 1} line: ${describeFinding(f)}`);
          if (expected.column !== undefined) assert.equal(f.range.start.character + 1, expected.column, `finding ${i + 1} column: ${describeFinding(f)}`);
          if (expected.endLine !== undefined) assert.equal(f.range.end.line + 1, expected.endLine, `finding ${i + 1} end line`);
          if (expected.endColumn !== undefined) assert.equal(f.range.end.character + 1, expected.endColumn, `finding ${i + 1} end column`);
          if (expected.message instanceof RegExp) assert.match(f.message, expected.message);
          else if (expected.message !== undefined) assert.equal(f.message, expected.message);
          if (expected.aliases !== undefined) assert.deepEqual(f.aliases, expected.aliases, `finding ${i + 1} aliases: ${describeFinding(f)}`);
          if (expected.related !== undefined)
            assert.deepEqual((f.related ?? []).map((r) => r.range.start.line + 1), expected.related, `finding ${i + 1} related lines: ${describeFinding(f)}`);
        });
        if (c.noFix) {
          assert.equal(c.output, undefined, 'a case with noFix has no output');
          found.forEach((f, i) => assert.deepEqual(f.fixes, [], `finding ${i + 1} should offer no fix: ${describeFinding(f)}`));
        }
        if (c.output !== undefined) {
          const fixes = found.map((f) => f.fixes[0]).filter((x) => x !== undefined);
          assert.ok(fixes.length > 0, 'expected a fix');
          assert.equal(applyFixes(c.code, fixes), c.output);
        }
      });
    }
  });
}

/** Off-by-default and experimental rules are switched on for their own tests. */
function withRuleOn(rule: Rule, options: LintOptions = {}): LintOptions {
  if (!rule.meta.offByDefault && !rule.meta.experimental) return options;
  const config = options.config ?? {};
  const override = { ...config.override, [rule.meta.severity]: [...(config.override?.[rule.meta.severity] ?? []), rule.meta.id] };
  return { ...options, config: { ...config, override } };
}

export function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`;
}
