// The linter on real and hostile input: never throws, no rule crashes, bounded time per input. Over the
// project's own Dockerfiles here; over the external corpus in the corpus group (test/corpus).
import fc from 'fast-check';
import { Linter } from '../../../src/core/lint/engine';
import { projectDockerfiles } from '../../support/corpus';
import { assertLintSurvives, robustnessOverSet } from '../../support/lint-sets';

describe('lint robustness', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));
  const check = (text: string, label: string) => assertLintSurvives(linter, text, label);

  robustnessOverSet(projectDockerfiles(), 10);

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
