import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { staleLines } from '../../../src/core/layers/stale';

const BUILT = ['FROM busybox', 'ENV A=1', 'RUN echo one > /one', 'COPY file.txt /file.txt', 'CMD ["sh"]', ''].join('\n');

interface Case {
  name: string;
  current: string;
  /** 1-based current lines changed since the build. */
  changed: number[];
  /** 1-based: where each built line (2…5) is now; null for changed or gone. */
  lines: (number | null)[];
}

const cases: Case[] = [
  { name: 'nothing changed', current: BUILT, changed: [], lines: [2, 3, 4, 5] },
  { name: 'comments, blank lines and continuations do not count as changes', current: ['# base', 'FROM busybox', '', 'ENV A=1', 'RUN echo one \\', '    > /one', 'COPY file.txt /file.txt', 'CMD ["sh"]'].join('\n'), changed: [], lines: [4, 5, 7, 8] },
  { name: 'an edited RUN is changed, the instructions after it move with their lines', current: ['FROM busybox', '', 'ENV A=1', 'RUN echo two > /one', 'COPY file.txt /file.txt', 'CMD ["sh"]'].join('\n'), changed: [4], lines: [3, null, 5, 6] },
  { name: 'an inserted instruction is changed; a deleted one maps to nothing', current: ['FROM busybox', 'ENV A=1', 'ENV B=2', 'COPY file.txt /file.txt', 'CMD ["sh"]'].join('\n'), changed: [3], lines: [2, null, 4, 5] },
  { name: 'an edited FROM is changed (another base)', current: BUILT.replace('FROM busybox', 'FROM busybox:1.36'), changed: [1], lines: [2, 3, 4, 5] },
  { name: 'instructions of a stage that is not in the final image are not tracked', current: ['FROM busybox AS tools', 'RUN echo new', '', BUILT].join('\n'), changed: [], lines: [5, 6, 7, 8] },
];

describe('core/layers/stale: lines changed since the build, and where the built ones are now', () => {
  for (const t of cases) {
    it(t.name, () => {
      const stale = staleLines(BUILT, parseDockerfile(t.current));
      assert.deepEqual([...stale.changed].map((l) => l + 1).sort((a, b) => a - b), t.changed);
      assert.deepEqual([1, 2, 3, 4].map((l) => stale.lineOf(l)).map((l) => (l === null ? null : l + 1)), t.lines);
    });
  }
});
