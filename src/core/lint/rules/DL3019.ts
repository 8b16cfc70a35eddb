import { hasMountOver } from '../../dockerfile/mounts';
import { hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter } from '../define';
import { APK_VALUED } from '../package-managers';

export default defineInstructionRule(
  {
    id: 'DL3019',
    source: 'hadolint',
    severity: 'info',
    description: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
    rationale:
      '`apk add` keeps the downloaded index and packages in /var/cache/apk, which then stays in the layer. `--no-cache` fetches a fresh index and keeps nothing, so there is no need for `apk update` or a cleanup step.',
    examples: {
      bad: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
    docs: hadolintDocs('DL3019'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    // A BuildKit cache or tmpfs mount on /var/cache/apk keeps the apk cache out of the image (as hadolint main).
    if (hasMountOver(instruction, ['cache', 'tmpfs'], (target) => target.startsWith('/var/cache/apk'))) return;
    const script = ctx.shell(instruction);
    if (!script) return;
    for (const command of script.commands) {
      if (command.name !== 'apk') continue;
      const add = positionalArgs(command, APK_VALUED)[0];
      if (add?.value !== 'add' || hasFlag(command, 'no-cache')) continue;
      ctx.report({
        range: add.range,
        message: 'Use the `--no-cache` switch: `apk add --no-cache <package>` needs no `apk update` and leaves no /var/cache/apk files in the layer',
        fixes: [fix('Use apk add --no-cache', insertAfter(add.range, ' --no-cache'))],
      });
    }
  },
);
