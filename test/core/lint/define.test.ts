// The helpers rules use to walk commands and build fixes.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { ShellParser, scriptOf } from '../../../src/core/dockerfile/shell';
import { insertAfter, removalWithBlanks, runCommands } from '../../../src/core/lint/define';
import type { RuleContext } from '../../../src/core/lint/types';

describe('core/lint/define', () => {
  let parser: ShellParser;
  before(async () => (parser = await ShellParser.create()));

  const contextFor = (text: string) => {
    const model = parseDockerfile(text);
    return { model, shell: (i) => { const script = scriptOf(model, i); return script ? parser.parse(script) : null; } } as RuleContext;
  };

  it('runCommands walks every command of every RUN, ONBUILD RUN included, in order', () => {
    const ctx = contextFor('FROM alpine\nRUN apk add a && echo ok\nCMD echo no\nRUN ["exec", "form"]\nONBUILD RUN apk add b\n');
    assert.deepEqual([...runCommands(ctx)].map((c) => `${c.instruction.range.start.line}:${c.command.name}`), ['1:apk', '1:echo', '4:apk']);
    const apk = [...runCommands(ctx, 'apk')];
    assert.deepEqual(apk.map((c) => c.command.args.at(-1)!.value), ['a', 'b']);
    assert.equal(apk[1]!.instruction.onbuildParent?.keyword, 'ONBUILD');
    assert.equal(apk[0]!.script.commands.length, 2);
  });

  it('insertAfter inserts at the end of a range', () => {
    const range = { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } };
    assert.deepEqual(insertAfter(range, ' -y'), { range: { start: range.end, end: range.end }, newText: ' -y' });
  });

  it('removalWithBlanks takes the blanks after a range on its last line', () => {
    const model = parseDockerfile('FROM --platform=linux/amd64 \t alpine\nFROM --platform=x\n');
    const [first, second] = model.stages.map((s) => s.platform!.range);
    assert.deepEqual(removalWithBlanks(model, first!), { start: first!.start, end: { line: 0, character: 30 } });
    assert.deepEqual(removalWithBlanks(model, second!), second);
  });
});
