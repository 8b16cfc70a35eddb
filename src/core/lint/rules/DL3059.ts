import type { Instruction } from '../../dockerfile/model';
import type { RuleContext } from '../types';
import { defineRule, fix, hadolintDocs, replace } from '../define';

// Commands whose effect lasts for the rest of the shell: after a merge they would change what the next command sees.
const STATEFUL = new Set(
  'cd pushd popd export unset set shopt source . alias umask ulimit trap exec exit eval readonly declare typeset local'.split(' '),
);

/** Commands of a RUN, as hadolint main counts them: nested ones (`$(date)`, subshells) too; exec form and scripts we cannot parse count as one. */
function commandCount(ctx: RuleContext, run: Instruction): number {
  const script = run.looksLikeJson ? null : ctx.shell(run);
  return script ? script.commands.length : 1;
}

function flagKey(run: Instruction): string {
  return run.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join('\n');
}

/** `RUN a` + `RUN b` → `RUN a && b`, offered only where that is certainly the same build. */
function mergeFix(ctx: RuleContext, prev: Instruction, run: Instruction) {
  const simple = (i: Instruction) => i.flags.length === 0 && i.heredocs.length === 0 && !i.looksLikeJson && i.argsRange !== null && !i.argsText.includes('#');
  if (!simple(prev) || !simple(run)) return undefined;
  // Blank lines between them may go; a comment between them would be lost, so no fix then.
  for (let line = prev.range.end.line + 1; line < run.range.start.line; line++) if (ctx.model.lines[line]!.trim() !== '') return undefined;
  const script = ctx.shell(prev);
  const command = script?.commands[0];
  if (!script || script.hasError || script.commands.length !== 1 || !command?.nameWord || STATEFUL.has(command.name)) return undefined;
  if (/[;&|\\]\s*$/.test(prev.argsText)) return undefined;
  const escape = ctx.model.escapeChar;
  return fix('Merge into the previous RUN with &&', replace({ start: prev.range.end, end: run.argsRange!.start }, ` && ${escape}\n    `));
}

export default defineRule(
  {
    id: 'DL3059',
    source: 'hadolint',
    severity: 'info',
    description: 'Multiple consecutive `RUN` instructions. Consider consolidation',
    rationale:
      'Each RUN adds a layer and a step to the build. Consecutive single-command RUNs can usually be joined with `&&`, which gives fewer layers, lets a later cleanup in the same RUN actually shrink the image, and keeps related steps together.',
    examples: {
      bad: 'FROM debian:12\nRUN mkdir -p /app/data\nRUN chown nobody /app/data\n',
      good: 'FROM debian:12\nRUN mkdir -p /app/data && chown nobody /app/data\n',
    },
    docs: hadolintDocs('DL3059'),
    fixable: true,
    stages: { mode: 'per-stage', note: 'consecutive RUNs are counted within one stage' },
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      let prev: Instruction | null = null;
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') {
          prev = null; // comments do not separate RUNs (they are not instructions), anything else does
          continue;
        }
        // Like hadolint: chained commands (&&, ;, |) in either RUN, or different --mount/--network flags, mean the split is deliberate.
        if (prev && flagKey(prev) === flagKey(run) && commandCount(ctx, prev) <= 1 && commandCount(ctx, run) <= 1) {
          const merge = mergeFix(ctx, prev, run);
          ctx.report({
            range: run.keywordRange,
            message: `Multiple consecutive RUN instructions (with line ${prev.range.start.line + 1}): consider joining them with && into one RUN`,
            fixes: merge ? [merge] : [],
          });
        }
        prev = run;
      }
    }
  },
);
