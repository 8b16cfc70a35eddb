import assert from 'node:assert/strict';
import type { BuildkitCase, HadolintCase } from '../../../bench/fidelity/case';
import { compareBuildkit, compareHadolint, rulesByDisagreement, wrapRunInOnbuild } from '../../../bench/fidelity/compare';
import type { Finding } from '../../../src/core/lint/types';

function finding(code: string, line: number, aliases: string[] = []): Finding {
  const at = { line: line - 1, character: 0 };
  return { code, aliases, severity: 'warning', message: '', range: { start: at, end: at }, fixes: [], source: 'hadolint' };
}

const hadolintCase = (over: Partial<HadolintCase>): HadolintCase => ({ file: 'S.hs', line: 1, name: 'n', code: 'DL3025', dockerfile: 'CMD a\n', onbuild: false, min: 1, ...over });
const buildkitCase = (warnings: BuildkitCase['warnings']): BuildkitCase => ({ file: 'c.go', line: 7, name: 'testX #1', dockerfile: 'FROM a\n', warnings });

describe('bench/fidelity compare', () => {
  it('wraps each RUN instruction in ONBUILD, leaving continuation lines and other instructions alone', () => {
    assert.equal(wrapRunInOnbuild('FROM a\nRUN x \\\n  RUN y\n  run z\nCOPY b c\n'), 'FROM a\nONBUILD RUN x \\\n  RUN y\n  ONBUILD run z\nCOPY b c\n');
  });

  it('agrees with a hadolint case when the count of the code, as id or alias, is within what the helper asks', () => {
    const score = compareHadolint(
      [
        hadolintCase({ min: 1 }),
        hadolintCase({ min: 0, max: 0, line: 2 }),
        hadolintCase({ min: 1, max: 1, onbuild: true, line: 3, dockerfile: 'RUN a\n' }),
      ],
      (text) => (text.includes('ONBUILD') ? [finding('JSONArgsRecommended', 1, ['DL3025']), finding('DL3025', 1)] : [finding('JSONArgsRecommended', 1, ['DL3025']), finding('DL3006', 1)]),
    );
    assert.equal(score.compared, 3);
    assert.equal(score.agreed, 1);
    assert.deepEqual(
      score.disagreements.map((d) => [d.at, d.name, d.expected, d.got]),
      [
        ['S.hs:2', 'n', 'exactly 0 DL3025', '1 (line 1)'],
        ['S.hs:3', '(ONBUILD) n', 'exactly 1 DL3025', '2 (line 1, 1)'],
      ],
    );
  });

  it('scores BuildKit per check with line match: a check outside the expected list is a false positive, others are ignored', () => {
    const names = new Set(['JSONArgsRecommended', 'UndefinedVar', 'StageNameCasing']);
    const score = compareBuildkit([buildkitCase([{ rule: 'JSONArgsRecommended', line: 3 }, { rule: 'UndefinedVar', line: 4 }])], names, () => [
      finding('DL3025', 3, ['JSONArgsRecommended']),
      finding('UndefinedVar', 5),
      finding('StageNameCasing', 2),
      finding('DL3006', 1),
    ]);
    assert.deepEqual(score.perRule, { JSONArgsRecommended: { tp: 1, fp: 0, fn: 0 }, UndefinedVar: { tp: 0, fp: 1, fn: 1 }, StageNameCasing: { tp: 0, fp: 1, fn: 0 } });
    assert.deepEqual([score.tp, score.fp, score.fn, score.agreed], [1, 2, 1, 0]);
    assert.equal(score.precision, 1 / 3);
    assert.equal(score.recall, 1 / 2);
    assert.equal(score.f1, 0.4);
    assert.deepEqual(score.disagreements.map((d) => [d.rule, d.at, d.expected, d.got]), [
      ['UndefinedVar', 'c.go:7', 'line 4', 'line 5'],
      ['StageNameCasing', 'c.go:7', 'none', 'line 2'],
    ]);
    assert.deepEqual(rulesByDisagreement(score.disagreements).map((r) => [r.rule, r.count]), [['StageNameCasing', 1], ['UndefinedVar', 1]]);
  });

  it('lets an expected BuildKit warning without a checked line match the finding left on any line', () => {
    const score = compareBuildkit([buildkitCase([{ rule: 'UndefinedVar', line: 6 }, { rule: 'UndefinedVar' }])], new Set(['UndefinedVar']), () => [finding('UndefinedVar', 6), finding('UndefinedVar', 9)]);
    assert.deepEqual([score.tp, score.fp, score.fn, score.agreed, score.f1], [2, 0, 0, 1, 1]);
  });
});
