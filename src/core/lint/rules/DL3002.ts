import type { Instruction } from '../../dockerfile/model';
import { trimQuotes } from '../../dockerfile/quotes';
import { defineRule, hadolintDocs } from '../define';

/** `root`, `0`, `root:group` and `0:group` all run as the superuser. */
function isRoot(user: string): boolean {
  const name = trimQuotes(user).split(':')[0];
  return name === 'root' || name === '0';
}

export default defineRule(
  {
    id: 'DL3002',
    source: 'hadolint',
    severity: 'warning',
    description: 'Last USER should not be root',
    rationale:
      'Containers run as the last USER of their stage. Running as root means any compromise of the application is root inside the container and a shorter step to the host. Switch back to an unprivileged user once the steps that need root are done.',
    examples: {
      bad: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER nobody\n',
    },
    docs: hadolintDocs('DL3002'),
    fixable: false,
    stages: { mode: 'per-stage', note: 'each stage is judged by its own last USER, as hadolint: a stage built on one whose last USER is root is not reported again (its parent is)' },
  },
  (ctx) => {
    // As hadolint: every stage whose last USER is root is reported, not only the final one.
    for (const stage of ctx.model.stages) {
      let last: Instruction | undefined;
      for (const instruction of stage.instructions) if (instruction.keyword === 'USER') last = instruction;
      const user = last?.args[0];
      if (!last || !user || !isRoot(user.value)) continue;
      ctx.report({
        range: user.range,
        message: `Last USER should not be root: \`USER ${user.value}\` runs the container as the superuser; switch to an unprivileged user afterwards`,
      });
    }
  },
);
