import type { Instruction } from '../../dockerfile/model';
import { stageChain } from '../../dockerfile/variables';
import { defineRule, fix, hadolintDocs, instructionsOf, replace, toExecForm } from '../define';
import type { RuleContext } from '../types';

// A script that is one simple command of literal words can become exec form word for word.
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~#!]|\n/;

/** A SHELL before the instruction in its stage or anywhere in a stage it is built on: the image's shell is then not /bin/sh. */
function customShell(ctx: RuleContext, instruction: Instruction): boolean {
  const stage = instruction.stage;
  if (!stage) return false;
  return stageChain(ctx.model, stage).some((s) => s.instructions.some((i) => i.keyword === 'SHELL' && (s !== stage || i.index < instruction.index)));
}

export default defineRule(
  {
    id: 'DL3025',
    aliases: ['JSONArgsRecommended'],
    source: 'hadolint',
    severity: 'warning',
    description: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
    rationale:
      'In shell form the command runs as a child of /bin/sh -c, which does not pass on signals: `docker stop` waits for its timeout and then kills the process. Exec form (a JSON array) runs the program as PID 1 so it receives SIGTERM.',
    examples: { bad: 'FROM busybox\nCMD httpd -f -p 8080\n', good: 'FROM busybox\nCMD ["httpd", "-f", "-p", "8080"]\n' },
    docs: hadolintDocs('DL3025'),
    fixable: true,
    stages: {
      mode: 'inherits',
      note: 'hadolint reports every shell-form CMD/ENTRYPOINT (and HEALTHCHECK CMD); the finding is BuildKit\'s JSONArgsRecommended too only when no SHELL was set before it in the stage or in a stage it is built on (as BuildKit), and not in an ONBUILD trigger (BuildKit does not check those)',
    },
  },
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'])) {
      if (instruction.keyword === 'HEALTHCHECK') healthcheck(ctx, instruction);
      else check(ctx, instruction);
    }
  },
);

/** As hadolint main: `HEALTHCHECK CMD <shell form>` too (BuildKit's JSONArgsRecommended does not look at HEALTHCHECK). */
function healthcheck(ctx: RuleContext, instruction: Instruction): void {
  const [cmd, first] = instruction.args;
  if (!cmd || cmd.value.toUpperCase() !== 'CMD' || !first || first.value.startsWith('[') || !instruction.argsRange) return;
  ctx.report({
    range: { start: first.range.start, end: instruction.argsRange.end },
    message: 'Use arguments JSON notation for HEALTHCHECK CMD arguments',
    aliases: [],
  });
}

function check(ctx: RuleContext, instruction: Instruction): void {
  if (instruction.looksLikeJson || !instruction.argsRange || instruction.argsText.trim() === '') return;
  const fixes = [];
  const script = ctx.shell(instruction);
  const words = script?.commands.length === 1 && !script.hasError ? script.commands[0]! : undefined;
  if (words && words.nameWord && !SHELL_SYNTAX.test(instruction.argsText.replace(/"[^"$`\\]*"|'[^']*'/g, ''))) {
    const exec = toExecForm([words.nameWord.value, ...words.args.map((a) => a.value)]);
    fixes.push(fix(`Convert to exec form ${exec}`, replace(instruction.argsRange, exec)));
  } else {
    fixes.push(fix('Convert to exec form through /bin/sh -c', replace(instruction.argsRange, toExecForm(['/bin/sh', '-c', instruction.argsText.trim()]))));
  }
  // BuildKit's JSONArgsRecommended stays silent under a custom SHELL and on triggers: then this is DL3025 alone.
  const buildkit = !instruction.onbuildParent && !customShell(ctx, instruction);
  ctx.report({ range: instruction.argsRange, message: `Use arguments JSON notation for ${instruction.keyword} arguments`, fixes, ...(buildkit ? {} : { aliases: [] }) });
}
