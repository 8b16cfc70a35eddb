import { defineRule, fix, hadolintDocs, replace } from '../define';

const TARGET_PLATFORM = new Set(['$TARGETPLATFORM', '${TARGETPLATFORM}']);

export default defineRule(
  {
    id: 'DL3065',
    source: 'hadolint',
    severity: 'warning',
    description: 'Setting `FROM --platform` to predefined `$TARGETPLATFORM` is redundant as this is the default behavior',
    rationale:
      'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes nothing. It only adds noise, and hides the stages whose --platform really matters (such as `$BUILDPLATFORM` for cross-compiling).',
    examples: {
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      good: 'FROM alpine:3.20\n',
    },
    docs: hadolintDocs('DL3065'),
    fixable: true,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      from.flags.forEach((flag, i) => {
        if (flag.name.toLowerCase() !== 'platform' || flag.value === null || !TARGET_PLATFORM.has(flag.value)) return;
        // Remove the flag and the blank after it, up to the next flag or the image.
        const next = from.flags[i + 1]?.range.start ?? from.argsRange?.start ?? flag.range.end;
        ctx.report({
          range: flag.range,
          message: `\`--platform=${flag.value}\` is redundant: a stage is built for the target platform by default; remove the flag`,
          fixes: [fix('Remove the redundant --platform flag', replace({ start: flag.range.start, end: next }, ''))],
        });
      });
    }
  },
);
