import type { Instruction } from '../../dockerfile/model';
import { trimQuotes, unquotedBlank } from '../../dockerfile/quotes';
import { stageChain } from '../../dockerfile/variables';
import { defineRule, hadolintDocs, instructionsOf } from '../define';
import type { RuleContext } from '../types';

/** BuildKit checks only the first WORKDIR of a build chain: one before it in the stage or in a stage it is built on silences it. */
function firstWorkdir(ctx: RuleContext, instruction: Instruction): boolean {
  const stage = instruction.stage;
  if (!stage || instruction.onbuildParent) return false;
  return !stageChain(ctx.model, stage).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR' && (s !== stage || i.index < instruction.index)));
}

export default defineRule(
  {
    id: 'DL3000',
    aliases: ['WorkdirRelativePath'],
    source: 'hadolint',
    severity: 'error',
    description: 'Use absolute WORKDIR',
    rationale:
      'A relative WORKDIR is resolved against the previous working directory, which depends on the base image and on every WORKDIR before it. An absolute path says where files land and survives a change of base image.',
    examples: { bad: 'FROM busybox\nWORKDIR app\n', good: 'FROM busybox\nWORKDIR /app\n' },
    docs: hadolintDocs('DL3000'),
    fixable: false,
    stages: {
      mode: 'inherits',
      note: "hadolint reports every relative WORKDIR; the finding is BuildKit's WorkdirRelativePath too only on the first WORKDIR of the stage when no stage it is built on set one (as BuildKit), and not in an ONBUILD trigger",
    },
  },
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'WORKDIR')) {
      const path = instruction.args[0];
      if (!path) continue;
      // As hadolint main, the path as written: backslashes kept, so `"C:\\app"` is still a Windows path.
      const text = instruction.argsText.trimStart();
      const value = trimQuotes(text.slice(0, unquotedBlank(text, ctx.model.escapeChar)));
      // Variables may expand to absolute paths; a drive letter (`C:`, `C:\`, `C:/`) or a leading backslash is absolute on Windows.
      if (value.startsWith('/') || value.startsWith('$') || /^[A-Za-z]:/.test(value) || value.startsWith('\\')) continue;
      ctx.report({
        range: path.range,
        message: `Use absolute WORKDIR: "${value}" is relative to the previous working directory`,
        ...(firstWorkdir(ctx, instruction) ? {} : { aliases: [] }),
      });
    }
  },
);
