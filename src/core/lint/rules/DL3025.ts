import { defineInstructionRule, fix, hadolintDocs, replace, toExecForm } from '../define';

// A script that is one simple command of literal words can become exec form word for word.
const SHELL_SYNTAX = /[|&;<>()$`\\*?[\]{}~#!]|\n/;

export default defineInstructionRule(
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
  },
  ['CMD', 'ENTRYPOINT'],
  (instruction, ctx) => {
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
    ctx.report({ range: instruction.argsRange, message: `Use arguments JSON notation for ${instruction.keyword} arguments`, fixes });
  },
);
