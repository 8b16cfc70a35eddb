import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { buildkitStepInstruction, legacyStepInstruction, parseBuildkitStep, parseErrorLine, parseLegacyStep } from '../../../src/core/layers/build-steps';

const model = parseDockerfile(
  [
    'ARG BASE=busybox', //                    0
    'FROM $BASE AS build', //                 1  build 1
    'ARG X=1', //                             2  (not counted by BuildKit)
    'WORKDIR /src', //                        3  build 2
    'RUN make', //                            4  build 3
    'FROM scratch', //                        5  stage-1: scratch is not counted
    'COPY --from=build /src/app /app', //     6  stage-1 1
    'FROM build', //                          7  stage-2: an earlier stage is not counted
    'ENV A=1', //                             8
    'ADD x /x', //                            9  stage-2 1
    'RUN test', //                            10 stage-2 2
  ].join('\n'),
);

describe('core/layers/build-steps: which instruction a builder\'s progress names', () => {
  it('legacy `Step N/M` counts every instruction in file order, global ARGs and each FROM included', () => {
    assert.deepEqual(parseLegacyStep('Step 5/11 : RUN make'), { index: 5, total: 11, text: 'RUN make', stage: null });
    assert.equal(parseLegacyStep(' ---> Running in 1234'), null);
    assert.deepEqual([1, 2, 5, 6, 11].map((n) => legacyStepInstruction(model, n)?.range.start.line), [0, 1, 4, 5, 10]);
    assert.equal(legacyStepInstruction(model, 12), undefined, 'the LABEL step the daemon appends for the build\'s labels has no line');
  });

  it('BuildKit `[stage k/n]` counts per stage a FROM of an image and each ADD, COPY, RUN and WORKDIR', () => {
    const line = (name: string, target?: string) => {
      const step = parseBuildkitStep(name);
      return step ? (buildkitStepInstruction(model, step, target)?.range.start.line ?? null) : undefined;
    };
    assert.deepEqual(
      ['[build 1/3] FROM docker.io/library/busybox', '[build 2/3] WORKDIR /src', '[build 3/3] RUN make', '[stage-1 1/1] COPY --from=build /src/app /app', '[stage-2 1/2] ADD x /x', '[stage-2 2/2] RUN test'].map((n) => line(n)),
      [1, 3, 4, 6, 9, 10],
    );
    assert.equal(line('[linux/arm64 build 3/3] RUN make'), 4, 'a platform before the stage name');
    assert.equal(line('[internal] load metadata for docker.io/library/busybox:latest'), undefined);
    assert.equal(line('[1/2] ADD x /x'), 9, 'no stage name (a single-stage file): the last stage');
    assert.equal(line('[2/3] WORKDIR /src', 'build'), 3, '… or the target');
    assert.equal(line('[other 1/1] RUN x'), null, 'a stage this file does not have');
  });

  it('a daemon\'s Dockerfile parse error gives its 0-based line, as the legacy builder and BuildKit word it', () => {
    assert.equal(parseErrorLine('dockerfile parse error line 3: unknown instruction: FOO'), 2);
    assert.equal(parseErrorLine('failed to solve with frontend dockerfile.v0: failed to create LLB definition: Dockerfile parse error line 12: unknown flag: x'), 11);
    assert.equal(parseErrorLine('dockerfile parse error on line 1: FROM requires either one or three arguments'), 0);
    assert.equal(parseErrorLine("The command '/bin/sh -c false' returned a non-zero code: 1"), null);
  });
});
