// builtFrom's comparison of a Dockerfile with an image's history, on histories as both builders write them.
import assert from 'node:assert/strict';
import type { LabHistoryEntry } from '../../../src/core/labs/daemon';
import { compareWithDockerfile, historyInstruction, sitsOnBase } from '../../../src/core/labs/image-history';

const entries = (...createdBy: string[]): LabHistoryEntry[] => createdBy.map((c, k) => ({ Id: `id${k}`, CreatedBy: c, Size: 0 }));
const BASE = ['/bin/sh -c #(nop)  CMD ["/bin/sh"]', '/bin/busybox --install -s /bin'];

describe('labs image history: historyInstruction', () => {
  const table: [string, string, string][] = [
    ['/bin/sh -c #(nop)  USER app', 'USER', 'app'],
    ['/bin/sh -c #(nop) WORKDIR /app', 'WORKDIR', '/app'],
    ['/bin/sh -c #(nop) COPY file:abc in /app/ ', 'COPY', 'file:abc in /app/'],
    ['|1 VER=1 /bin/sh -c echo $VER > /v', 'RUN', '|1 VER=1 /bin/sh -c echo $VER > /v'],
    ['/bin/busybox --install -s /bin', 'RUN', '/bin/busybox --install -s /bin'],
    ['RUN /bin/sh -c apk add curl # buildkit', 'RUN', '/bin/sh -c apk add curl'],
    ['COPY app /app # buildkit', 'COPY', 'app /app'],
    ['ENV A=b', 'ENV', 'A=b'],
    ['CMD ["sh"]', 'CMD', '["sh"]'],
  ];
  for (const [createdBy, keyword, text] of table)
    it(`reads ${JSON.stringify(createdBy)} as ${keyword}`, () => assert.deepEqual(historyInstruction(createdBy), { keyword, text }));
});

describe('labs image history: compareWithDockerfile', () => {
  it('passes a BuildKit history of a stage built FROM an earlier stage, with SHELL changing how RUN is recorded', () => {
    const dockerfile = 'FROM busybox AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base AS final\nRUN echo hi | cat\nCOPY --chown=1:1 a b /dest/\n';
    const history = entries('COPY a b /dest/ # buildkit', 'RUN /bin/ash -eo pipefail -c echo hi | cat # buildkit', 'SHELL [/bin/ash -eo pipefail -c]', ...BASE);
    const c = compareWithDockerfile(dockerfile, history, 'Dockerfile');
    assert.deepEqual([c.ok, c.actual, c.base, c.count], [true, 'its 3 newest history entries match Dockerfile', 'busybox', 3]);
    assert.equal(sitsOnBase(history, c.count, entries(...BASE)), true);
  });

  it('passes exec-form RUN, recorded as its words', () => {
    const c = compareWithDockerfile('FROM busybox\nRUN ["echo", "a  b"]\n', entries('echo a  b', ...BASE), 'Dockerfile');
    assert.equal(c.ok, true, c.actual);
  });

  it('fails with the line of the first instruction that differs, and says what the image has instead', () => {
    const c = compareWithDockerfile('FROM busybox\nENV A=1\nUSER app\n', entries('/bin/sh -c #(nop)  WORKDIR /x', '/bin/sh -c #(nop)  ENV A=1', ...BASE), 'web/Dockerfile');
    assert.deepEqual([c.ok, c.expected, c.actual, c.line], [false, 'web/Dockerfile:3 USER app', "the image's entry 2 after its base is WORKDIR /x", 3]);
  });

  it('fails a history shorter than the Dockerfile', () => {
    const c = compareWithDockerfile('FROM scratch\nENV A=1\nENV B=2\nENV C=3\n', entries('ENV C=3', 'ENV B=2'), 'Dockerfile');
    assert.deepEqual([c.ok, c.actual], [false, 'the image has 2 history entries, fewer than Dockerfile makes']);
  });

  it('fails a Dockerfile without FROM', () => {
    assert.deepEqual(compareWithDockerfile('# nothing\n', entries(...BASE), 'Dockerfile').actual, 'Dockerfile has no FROM');
  });

  it('does not compare a COPY destination written with a variable', () => {
    const c = compareWithDockerfile('FROM busybox\nARG D=/x\nCOPY a $D\n', entries('/bin/sh -c #(nop) COPY file:1 in /x ', '/bin/sh -c #(nop)  ARG D=/x', ...BASE), 'Dockerfile');
    assert.equal(c.ok, true, c.actual);
  });

  it('sitsOnBase is false when the lower entries are not the base\'s', () => {
    assert.equal(sitsOnBase(entries('ENV A=1', 'RUN other', ...BASE), 1, entries(...BASE)), false);
  });
});
