import type { Flag, Range } from '../../dockerfile/model';
import { FLAG_SPECS, flagSpecOf, isEndOfFlags } from '../../dockerfile/flags';
import { closest } from '../../dockerfile/spelling';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

/** Instructions whose flags BuildKit parses against an empty set, so any `--x` before the arguments fails the build. */
const NO_FLAGS = new Set(['ENV', 'LABEL', 'ARG', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'USER', 'VOLUME', 'WORKDIR', 'SHELL', 'ONBUILD', 'MAINTAINER']);

function flagText(flag: Flag): string {
  return flag.value === null ? `--${flag.name}` : `--${flag.name}=${flag.value}`;
}

export default defineInstructionRule(
  {
    id: 'UnknownFlag',
    source: 'syntax',
    severity: 'error',
    description: 'Flag not known for this instruction',
    rationale:
      'BuildKit checks every `--flag` before an instruction\'s arguments against the flags that instruction accepts and stops the build at the first unknown one. A misspelt flag such as `--chwon` is therefore not ignored: the build fails, and instructions like CMD or WORKDIR accept no flags at all.',
    examples: { bad: 'FROM alpine:3.20\nCOPY --chwon=app:app . /app\n', good: 'FROM alpine:3.20\nCOPY --chown=app:app . /app\n' },
    docs: shipshapeDocs('UnknownFlag'),
    fixable: true,
  },
  [...NO_FLAGS, ...FLAG_SPECS.keys()],
  (instruction, ctx) => {
    const keyword = instruction.keyword;
    if (NO_FLAGS.has(keyword)) {
      if (instruction.flags.length === 0 && !instruction.args[0]?.value.startsWith('--')) return;
      // dockerfile-ast leaves these flags among the arguments; BuildKit still reads leading `--x` words as flags.
      const flags: { text: string; range: Range }[] = instruction.flags.map((f) => ({ text: flagText(f), range: f.range }));
      for (const word of instruction.args) {
        if (!word.value.startsWith('--') || word.value === '--') break;
        flags.push({ text: word.value, range: word.range });
      }
      for (const f of flags) {
        const hint = keyword === 'CMD' || keyword === 'ENTRYPOINT' ? `; to pass it to the program use exec form, e.g. ${keyword} ["${f.text}"]` : '';
        ctx.report({ range: f.range, message: `${keyword} takes no flags: \`${f.text}\` fails the build${hint}` });
      }
      return;
    }
    if (instruction.flags.length === 0) return;
    const spec = flagSpecOf(instruction);
    if (!spec) return;
    for (const flag of instruction.flags) {
      if (isEndOfFlags(flag) || spec.has(flag.name)) continue;
      const known = [...spec.keys()];
      const range = { start: flag.range.start, end: flag.name === '' ? flag.range.end : flag.nameRange.end };
      if (flag.name === '') {
        ctx.report({ range, message: `Flag without a name \`${flagText(flag)}\`: ${keyword} accepts ${known.map((k) => `--${k}`).join(', ')}` });
        continue;
      }
      const suggestion = closest(flag.name, known);
      if (suggestion) {
        ctx.report({
          range,
          message: `Unknown flag \`--${flag.name}\` for ${keyword}: did you mean \`--${suggestion}\`?`,
          fixes: [fix(`Change to --${suggestion}`, replace(flag.nameRange, suggestion))],
        });
      } else {
        ctx.report({ range, message: `Unknown flag \`--${flag.name}\` for ${keyword}: it accepts ${known.map((k) => `--${k}`).join(', ')}` });
      }
    }
  },
);
