import { commandsNamed } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'DL4005',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use `SHELL` to change the default shell',
    rationale:
      'Replacing /bin/sh with a symlink changes the shell for every program in the image, including package scripts that expect a POSIX sh, and hides the choice in a RUN. The SHELL instruction changes only how the Dockerfile runs its commands, and says so.',
    examples: {
      bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
    },
    docs: hadolintDocs('DL4005'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    if (instruction.heredocs.length === 0 && !instruction.argsText.includes('/bin/sh')) return; // no parse for most RUNs
    const script = ctx.shell(instruction);
    if (!script) return;
    for (const command of commandsNamed(script, 'ln')) {
      const target = command.args.find((a) => a.value === '/bin/sh');
      if (!target) continue;
      ctx.report({ range: target.range, message: 'Use SHELL to change the default shell instead of linking /bin/sh (e.g. `SHELL ["/bin/bash", "-c"]`)' });
    }
  },
);
