// The helpers rules use to declare themselves, walk commands and build fixes.
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../src/core/dockerfile/model';
import { ShellParser, scriptOf } from '../../../src/core/dockerfile/shell';
import { commandsIn, defineInstructionRule, insertAfter, removalWithBlanks } from '../../../src/core/lint/define';
import type { RuleContext, RuleMeta } from '../../../src/core/lint/types';

describe('core/lint/define', () => {
  let parser: ShellParser;
  before(async () => (parser = await ShellParser.create()));

  const contextFor = (text: string) => {
    const model = parseDockerfile(text);
    return { model, shell: (i) => { const script = scriptOf(model, i); return script ? parser.parse(script) : null; } } as RuleContext;
  };

  it('commandsIn lists the commands of one RUN, by name when asked; none for exec form', () => {
    const ctx = contextFor('FROM alpine\nRUN apk add a && echo ok\nRUN ["exec", "form"]\nONBUILD RUN apk add b\n');
    const [, run, exec, onbuild] = ctx.model.instructions;
    assert.deepEqual(commandsIn(ctx, run!).map((c) => c.name), ['apk', 'echo']);
    assert.deepEqual(commandsIn(ctx, run!, 'echo').map((c) => c.args[0]!.value), ['ok']);
    assert.deepEqual(commandsIn(ctx, exec!), []);
    assert.deepEqual(commandsIn(ctx, onbuild!.trigger!, 'apk').map((c) => c.args.at(-1)!.value), ['b']);
  });

  it('defineInstructionRule checks each instruction of its keywords, ONBUILD triggers included, in order, and says so for the cache', () => {
    const seen: string[] = [];
    const rule = defineInstructionRule({ id: 'X' } as RuleMeta, ['RUN', 'COPY'], (i) => seen.push(`${i.range.start.line}:${i.keyword}`));
    rule.check(contextFor('FROM alpine\nRUN a\nCOPY b c\nENV d=e\nONBUILD RUN f\n'));
    assert.deepEqual(seen, ['1:RUN', '2:COPY', '4:RUN']);
    assert.deepEqual(rule.perInstruction?.keywords, ['RUN', 'COPY']);
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
