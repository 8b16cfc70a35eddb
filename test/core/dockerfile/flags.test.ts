import assert from 'node:assert/strict';
import { FLAG_SPECS, flagNamed, flagSpecOf, isEndOfFlags, knownFlags } from '../../../src/core/dockerfile/flags';
import { parseDockerfile } from '../../../src/core/dockerfile/model';

const instruction = (line: string) => parseDockerfile(`FROM alpine\n${line}\n`).instructions[1]!;

describe('core/dockerfile/flags', () => {
  it('knows the flags of each instruction BuildKit parses flags for', () => {
    assert.equal(FLAG_SPECS.get('COPY')!.get('from'), 'string');
    assert.equal(FLAG_SPECS.get('RUN')!.get('mount'), 'repeatable');
    assert.equal(FLAG_SPECS.get('ADD')!.get('link'), 'bool');
    assert.equal(flagSpecOf(instruction('HEALTHCHECK --interval=5s CMD true'))!.get('interval'), 'string');
    assert.equal(flagSpecOf(instruction('HEALTHCHECK NONE')), undefined);
    assert.equal(flagSpecOf(instruction('CMD echo')), undefined);
  });

  it('knownFlags pairs each known flag with its kind and drops the others', () => {
    const known = knownFlags(instruction('COPY --from=a --bogus --link --chown=x . /y'));
    assert.deepEqual(known.map((k) => [k.flag.name, k.kind]), [['from', 'string'], ['link', 'bool'], ['chown', 'string']]);
    assert.deepEqual(knownFlags(instruction('WORKDIR /x')), []);
    assert.deepEqual(knownFlags(instruction('HEALTHCHECK NONE')), []);
  });

  it('flagNamed finds a flag whatever its case', () => {
    assert.equal(flagNamed(instruction('COPY --FROM=build /a /b'), 'from')?.value, 'build');
    assert.equal(flagNamed(instruction('COPY /a /b'), 'from'), undefined);
  });

  it('isEndOfFlags recognises a bare --', () => {
    const flags = instruction('RUN --network=none -- echo').flags;
    assert.deepEqual(flags.map(isEndOfFlags), [false, true]);
  });
});
