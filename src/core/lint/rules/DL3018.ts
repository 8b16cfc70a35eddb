import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { APK_VALUED } from '../package-managers';

/** `pkg=1.2-r0`, `pkg~1.2` (fuzzy) and `pkg>1.2`/`pkg<2` constraints all pin; a local .apk file is fixed anyway. */
const PINNED = /[=~<>]|\.apk$/;

export default defineInstructionRule(
  {
    id: 'DL3018',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
    rationale:
      'Without a version apk installs whatever the Alpine mirror has when the image is built, so rebuilds drift and can break. Pinning (`curl=8.5.0-r0`, or `curl~8.5` for a fuzzy match) keeps builds repeatable and upgrades deliberate.',
    examples: {
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
    docs: hadolintDocs('DL3018'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'apk')) {
      const positional = positionalArgs(command, APK_VALUED);
      if (positional[0]?.value !== 'add') continue;
      for (const pkg of positional.slice(1)) {
        if (pkg.dynamic || PINNED.test(pkg.value)) continue;
        ctx.report({ range: pkg.range, message: `Pin versions in apk add: instead of \`${pkg.value}\` use \`${pkg.value}=<version>\`` });
      }
    }
  },
);
