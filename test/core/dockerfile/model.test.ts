// The model's fields that rules rely on: resolved vs written values, one property per ARG name, heredocs,
// unquoted flag values, stage parents and the text helpers.
import assert from 'node:assert/strict';
import { INSTRUCTION_KEYWORDS, mappedText, parseDockerfile, rangeText, shippedStages, stageBodies } from '../../../src/core/dockerfile/model';

const props = (text: string, index = 1) => parseDockerfile(text).instructions[index]!.properties;

describe('core/dockerfile/model', () => {
  describe('KeyValue of ENV and LABEL', () => {
    it('has the resolved value in value and the text as written in rawValue', () => {
      const [a, b, c] = props('FROM alpine\nENV A="x y" B=a\\ b C=\'$HOME\'\n');
      assert.deepEqual([a!.key, a!.value, a!.rawValue, a!.hasEquals], ['A', 'x y', '"x y"', true]);
      assert.deepEqual([b!.value, b!.rawValue], ['a b', 'a\\ b']);
      assert.deepEqual([c!.value, c!.rawValue], ['$HOME', "'$HOME'"]);
    });

    it('reads the legacy form and keys without a value', () => {
      const [legacy] = props('FROM alpine\nLABEL maintainer Jane Doe\n');
      assert.deepEqual([legacy!.key, legacy!.value, legacy!.hasEquals], ['maintainer', 'Jane Doe', false]);
      const [bare] = props('FROM alpine\nENV LONELY\n');
      assert.deepEqual([bare!.key, bare!.value, bare!.rawValue], ['LONELY', null, null]);
    });

    it('joins a value continued over lines, keeping the indentation in value only', () => {
      const [p] = props('FROM alpine\nLABEL a="x \\\n  y"\n');
      assert.equal(p!.value, 'x   y');
      assert.equal(p!.rawValue, '"x y"');
    });
  });

  describe('KeyValue of ARG', () => {
    it('lists each name with its own default and ranges', () => {
      const list = props('ARG A B=2 C="x y"\nFROM alpine\n', 0);
      assert.deepEqual(
        list.map((p) => [p.key, p.value, p.rawValue, p.hasEquals]),
        [['A', null, null, false], ['B', '2', '2', true], ['C', 'x y', '"x y"', true]],
      );
      const [a, b, c] = list;
      assert.deepEqual(a!.keyRange, { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } });
      assert.equal(a!.valueRange, null);
      assert.deepEqual(b!.keyRange, { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
      assert.deepEqual(b!.valueRange, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
      assert.deepEqual(c!.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 17 } });
    });

    it('follows continuations and skips the comment lines inside them', () => {
      const list = props('FROM alpine\nARG A=1 \\\n# a note\n  B="a b" \\\n  C\n');
      assert.deepEqual(list.map((p) => p.key), ['A', 'B', 'C']);
      assert.deepEqual(list[1]!.keyRange.start, { line: 3, character: 2 });
      assert.deepEqual(list[2]!.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 3 } });
    });

    it('reads `=b` after a space as a name of its own, and an empty default', () => {
      assert.deepEqual(props('FROM alpine\nARG a =b\n').map((p) => [p.key, p.rawValue]), [['a', null], ['', 'b']]);
      assert.deepEqual(props('FROM alpine\nARG c= d\n').map((p) => [p.key, p.value, p.hasEquals]), [['c', '', true], ['d', null, false]]);
    });

    it('honours the backtick escape', () => {
      const list = props('# escape=`\nFROM alpine\nARG A=`"q`" B\n');
      assert.deepEqual(list.map((p) => [p.key, p.value]), [['A', '"q"'], ['B', null]]);
    });

    it('has none for an ARG without words', () => {
      assert.deepEqual(props('ARG\nFROM alpine\n', 0), []);
    });
  });

  describe('heredocs', () => {
    it('tells a closed heredoc from an unclosed one', () => {
      const model = parseDockerfile('FROM alpine\nCOPY <<EOF /x\nbody\nEOF\nRUN <<END\necho\n');
      const [closed] = model.instructions[1]!.heredocs;
      const [open] = model.instructions[2]!.heredocs;
      assert.deepEqual(closed!.delimiterRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
      assert.equal(open!.name, 'END');
      assert.equal(open!.delimiterRange, null);
    });

    it('leaves heredoc bodies out of headerArgs', () => {
      const model = parseDockerfile('FROM alpine\nCOPY a.txt <<EOF <<"E2" /dst/\nbody words\nEOF\nmore\nE2\nCOPY x y\n');
      const copy = model.instructions[1]!;
      assert.deepEqual(copy.args.map((a) => a.value), ['a.txt', '<<EOF', '<<"E2"', '/dst/', 'body', 'words', 'EOF', 'more', 'E2']);
      assert.deepEqual(copy.headerArgs.map((a) => a.value), ['a.txt', '<<EOF', '<<"E2"', '/dst/']);
      assert.equal(copy.headerEndLine, 1);
      const plain = model.instructions[2]!;
      assert.equal(plain.headerArgs, plain.args);
      assert.equal(plain.headerEndLine, 6);
    });

    it('counts the lines a heredoc header continues onto as header', () => {
      const copy = parseDockerfile('FROM alpine\nCOPY <<EOF \\\n  /x\nbody\nEOF\n').instructions[1]!;
      assert.equal(copy.headerEndLine, 2);
      assert.deepEqual(copy.headerArgs.map((a) => a.value), ['<<EOF', '/x']);
    });
  });

  it('gives flags their value with quotes kept and dropped', () => {
    const flags = parseDockerfile('FROM alpine\nCOPY --chown="app:app" --chmod=\'755\' --link --from=a"b" --mount=x=a\\b . /x\n').instructions[1]!.flags;
    assert.deepEqual(flags.map((f) => [f.name, f.value, f.unquoted]), [
      ['chown', '"app:app"', 'app:app'],
      ['chmod', "'755'", '755'],
      ['link', null, null],
      ['from', 'a"b"', 'ab'],
      ['mount', 'x=ab', 'x=ab'],
    ]);
  });

  it('links a stage to the earlier stage its FROM names, case-insensitively', () => {
    const stages = parseDockerfile('FROM alpine AS Base\nFROM base AS mid\nFROM alpine\nFROM MID\nFROM later\nFROM alpine AS later\n').stages;
    assert.deepEqual(stages.map((s) => s.parent?.index), [undefined, 0, undefined, 1, undefined, undefined]);
  });

  it('knows which stages end up in an image', () => {
    const model = parseDockerfile('FROM alpine AS base\nFROM alpine AS tools\nFROM base AS app\nFROM scratch\nCOPY --from=tools /t /t\n');
    assert.deepEqual([...shippedStages(model)].map((s) => s.index).sort(), [0, 3]);
    assert.equal(shippedStages(parseDockerfile('')).size, 0);
  });

  it('gives a normal Dockerfile exactly its stages as bodies: ARGs before the first FROM are no body', () => {
    const model = parseDockerfile('ARG V=1\nFROM alpine AS a\nRUN x\nFROM a\n');
    const bodies = stageBodies(model);
    assert.deepEqual(bodies.map((b) => b.stage), model.stages);
    assert.deepEqual(bodies.map((b) => b.instructions), model.stages.map((s) => s.instructions));
    assert.deepEqual(stageBodies(parseDockerfile('')), []);
    assert.deepEqual(stageBodies(parseDockerfile('ARG V=1\n')), []);
  });

  it('gives a fragment a first body of the instructions before the first FROM, ARGs included, with no stage', () => {
    const model = parseDockerfile('ARG V=1\nRUN x\nFROM alpine\nRUN y\n');
    const bodies = stageBodies(model);
    assert.deepEqual(bodies.map((b) => b.stage?.index), [undefined, 0]);
    assert.deepEqual(bodies[0]!.instructions.map((i) => i.keyword), ['ARG', 'RUN']);
    assert.deepEqual(model.stages.length, 1, 'the stages are left as they are');
    const noFrom = stageBodies(parseDockerfile('ENV A=1\nRUN x\n'));
    assert.deepEqual(noFrom.map((b) => [b.stage, b.instructions.length]), [[undefined, 2]]);
  });

  it('maps text with continuations removed back to document positions', () => {
    const model = parseDockerfile('FROM alpine\nENV A=1 \\\n\n  # note\n  B=2\n');
    const env = model.instructions[1]!;
    const mapped = mappedText(model, env.argsRange!);
    assert.equal(mapped.text, 'A=1   B=2');
    assert.deepEqual(mapped.at(6), { line: 4, character: 2 });
    assert.deepEqual(mapped.range(6, 9), { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
    assert.deepEqual(mapped.at(99), env.argsRange!.end);
  });

  it('gives the text of a range as written, lines joined', () => {
    const model = parseDockerfile('FROM alpine\nRUN a \\\n  b\n');
    assert.equal(rangeText(model, model.instructions[1]!.argsRange!), 'a \\\n  b');
    assert.equal(rangeText(model, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } }), 'alpine');
  });

  it('knows the instruction keywords', () => {
    assert.equal(INSTRUCTION_KEYWORDS.size, 18);
    assert.ok(INSTRUCTION_KEYWORDS.has('HEALTHCHECK'));
    assert.ok(!INSTRUCTION_KEYWORDS.has('RUNN'));
  });
});
