import type { Instruction } from '../../dockerfile/model';
import { commandsNamed, hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

/** apk options that take a value, so their value is not the subcommand. */
const VALUED = ['t', 'virtual', 'X', 'repository', 'p', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'timeout', 'cache-max-age'];

/** A BuildKit cache mount on /var/cache/apk keeps the apk cache out of the image. */
function apkCacheMounted(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) return false;
    const parts = new Map(flag.value.split(',').map((p) => p.split('=', 2).map((s) => s.trim().replace(/^["']|["']$/g, '')) as [string, string]));
    const target = parts.get('target') ?? parts.get('dst') ?? parts.get('destination') ?? '';
    return parts.get('type') === 'cache' && target.startsWith('/var/cache/apk');
  });
}

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      if (apkCacheMounted(instruction)) continue;
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of commandsNamed(script, 'apk')) {
        const add = positionalArgs(command, VALUED)[0];
        if (add?.value !== 'add' || hasFlag(command, 'no-cache')) continue;
        const end = add.range.end;
        ctx.report({
          range: add.range,
          message: 'Use the `--no-cache` switch: `apk add --no-cache <package>` needs no `apk update` and leaves no /var/cache/apk files in the layer',
          fixes: [fix('Use apk add --no-cache', insertAt(end.line, end.character, ' --no-cache'))],
        });
      }
    }
  },
);
