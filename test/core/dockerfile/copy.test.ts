import assert from 'node:assert/strict';
import { copyOperands } from '../../../src/core/dockerfile/copy';
import { parseDockerfile } from '../../../src/core/dockerfile/model';

const operands = (line: string) => {
  const instruction = parseDockerfile(`FROM alpine\n${line}\n`).instructions[1]!;
  return { instruction, operands: copyOperands(instruction) };
};

describe('core/dockerfile/copy', () => {
  it('reads shell form words as written, with their ranges', () => {
    const { operands: ops } = operands('COPY --chown=app a.txt "b c.txt" /dst/');
    assert.deepEqual(ops.map((o) => [o.value, o.exec]), [['a.txt', false], ['"b', false], ['c.txt"', false], ['/dst/', false]]);
    assert.deepEqual(ops[0]!.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 22 } });
  });

  it('reads exec form as the JSON strings, each ranging over the array', () => {
    const { instruction, operands: ops } = operands('ADD ["a b.txt", "/dst/"]');
    assert.deepEqual(ops.map((o) => [o.value, o.exec]), [['a b.txt', true], ['/dst/', true]]);
    assert.deepEqual(ops[1]!.range, instruction.argsRange);
  });

  it('leaves heredoc bodies out', () => {
    const { operands: ops } = operands('COPY <<EOF /etc/x.conf\nbody line\nEOF');
    assert.deepEqual(ops.map((o) => o.value), ['<<EOF', '/etc/x.conf']);
  });

  it('reads text that only looks like JSON as words, as Docker does', () => {
    const { operands: ops } = operands("COPY ['a', '/b']");
    assert.ok(ops.every((o) => !o.exec));
    assert.equal(ops.length, 2);
  });

  it('has no operands for a bare COPY', () => {
    assert.deepEqual(operands('COPY').operands, []);
  });
});
