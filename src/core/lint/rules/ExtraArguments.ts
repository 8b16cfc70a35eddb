import type { Word } from '../../dockerfile/model';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

function span(words: readonly Word[]) {
  return { start: words[0]!.range.start, end: words[words.length - 1]!.range.end };
}

export default defineInstructionRule(
  {
    id: 'ExtraArguments',
    source: 'syntax',
    severity: 'error',
    description: 'Instruction with more arguments than it takes',
    rationale:
      'FROM takes an image and optionally `AS <name>`, STOPSIGNAL one signal, USER one user, and HEALTHCHECK NONE nothing at all. Extra words fail the build or are read as part of the value (a user named "app app"), which is never what was meant.',
    examples: { bad: 'FROM alpine:3.20\nUSER app app\n', good: 'FROM alpine:3.20\nUSER app:app\n' },
    docs: shipshapeDocs('ExtraArguments'),
    fixable: true,
  },
  ['FROM', 'STOPSIGNAL', 'USER', 'HEALTHCHECK'],
  (instruction, ctx) => {
    const args = instruction.args;
    switch (instruction.keyword) {
      case 'FROM': {
        if (args.length === 2 && args[1]!.value.toUpperCase() !== 'AS') {
          const message = `Unexpected \`${args[1]!.value}\` after the image: FROM takes an image and optionally \`AS <name>\``;
          ctx.report({ range: args[1]!.range, message });
        } else if (args.length > 3) {
          const extra = args.slice(3);
          const message = `Unexpected \`${extra.map((a) => a.value).join(' ')}\` after the stage name: FROM takes \`<image> [AS <name>]\``;
          ctx.report({ range: span(extra), message });
        }
        break;
      }
      case 'STOPSIGNAL':
      case 'USER': {
        if (args.length < 2) break;
        const extra = args.slice(1);
        const what = instruction.keyword === 'USER' ? 'one user, as <user>[:<group>]' : 'one signal';
        const fixes =
          instruction.keyword === 'USER' && args.length === 2 && !args[0]!.value.includes(':') && args[1]!.range.start.line === args[0]!.range.end.line
            ? [fix(`Change to USER ${args[0]!.value}:${args[1]!.value}`, replace({ start: args[0]!.range.end, end: args[1]!.range.start }, ':'))]
            : [];
        ctx.report({ range: span(extra), message: `${instruction.keyword} takes ${what}: \`${extra.map((a) => a.value).join(' ')}\` is extra`, fixes });
        break;
      }
      case 'HEALTHCHECK': {
        if (args.length < 2 || args[0]!.value.toUpperCase() !== 'NONE') break;
        const extra = { start: args[0]!.range.end, end: args[args.length - 1]!.range.end };
        ctx.report({
          range: span(args.slice(1)),
          message: 'HEALTHCHECK NONE takes no arguments: remove them, or use HEALTHCHECK CMD <command> to define a check',
          fixes: extra.start.line === extra.end.line ? [fix('Remove the extra arguments', replace(extra, ''))] : [],
        });
        break;
      }
    }
  },
);
