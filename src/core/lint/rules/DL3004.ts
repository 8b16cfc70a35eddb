import type { Fix } from '../types';
import { defineInstructionRule, fix, hadolintDocs, replace, commandsIn } from '../define';

export default defineInstructionRule(
  {
    id: 'DL3004',
    source: 'hadolint',
    severity: 'error',
    description: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
    rationale:
      'sudo needs a TTY and a sudoers setup that images rarely have, and it changes signal handling and the environment of the command. Build steps already run as the current USER: switch with USER root around the steps that need it, and use gosu or su-exec in entrypoints.',
    examples: {
      bad: 'FROM debian:12\nRUN sudo apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
    },
    docs: hadolintDocs('DL3004'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'sudo')) {
      const name = command.nameWord!;
      const next = command.args[0];
      const fixes: Fix[] = [];
      // `sudo cmd …` becomes `cmd …`; with sudo options (`sudo -u x cmd`) the intent needs a human.
      if (next && !next.value.startsWith('-') && next.range.start.line === name.range.start.line) {
        fixes.push(fix('Remove sudo', replace({ start: name.range.start, end: next.range.start }, '')));
      }
      ctx.report({
        range: name.range,
        message: 'Do not use sudo: it behaves unpredictably in containers; run the step as root (USER root) or use gosu/su-exec',
        fixes,
      });
    }
  },
);
