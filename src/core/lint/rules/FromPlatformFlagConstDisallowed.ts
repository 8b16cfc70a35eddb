import { parsePlatform } from '../../dockerfile/platform';
import { expandWord } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

export default defineRule(
  {
    id: 'FromPlatformFlagConstDisallowed',
    source: 'buildkit',
    severity: 'warning',
    description: 'FROM --platform flag should not use a constant value',
    rationale:
      'A fixed `--platform=linux/amd64` pins the stage to one architecture whatever platform is being built, so multi-platform builds produce images with the wrong binaries and builds on Apple Silicon run under emulation. Use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform when pinning is intended.',
    examples: {
      bad: 'FROM --platform=linux/amd64 alpine:3.20 AS build\n',
      good: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\n',
    },
    docs: buildkitDocs('FromPlatformFlagConstDisallowed'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const flag = stage.platform;
      if (!flag?.value) continue;
      const expansion = expandWord(flag.value, () => undefined, ctx.model.escapeChar);
      if (expansion.refs.length > 0 || expansion.error) continue;
      const platform = parsePlatform(expansion.value);
      if (!platform) continue;
      // A stage named after its platform (build-arm64, windows-base) pins it on purpose.
      const name = stage.name?.toLowerCase() ?? '';
      if (name.includes(platform.os) || name.includes(platform.arch)) continue;
      ctx.report({
        range: flag.range,
        message:
          `FROM --platform flag should not use constant value "${expansion.value}": ` +
          'use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform',
      });
    }
  },
);
