import { trimQuotes } from '../../dockerfile/quotes';
import type { Fix } from '../types';
import { defineRule, fix, hadolintDocs, removalWithBlanks, replace } from '../define';

/** The platform ARGs BuildKit predefines: using them keeps a multi-platform build correct. */
const PLATFORM_ARGS = new Set(['BUILDPLATFORM', 'TARGETPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);
const VARIABLE = /\$\{?(\w+)/g;

export default defineRule(
  {
    id: 'DL3029',
    source: 'hadolint',
    severity: 'warning',
    description: 'Do not use --platform flag with FROM',
    rationale:
      'A hard-coded `--platform` makes the image build for that platform whatever the build is asked for, so multi-platform builds produce mislabelled images and other hosts run it under emulation. Leave it out, or use `--platform=$BUILDPLATFORM` for cross-compiling build stages.',
    examples: {
      bad: 'FROM --platform=linux/amd64 debian:12\n',
      good: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM debian:12\n',
    },
    docs: hadolintDocs('DL3029'),
    fixable: true,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const flag = stage.platform;
      if (!flag || !flag.value) continue;
      const value = trimQuotes(flag.value);
      const vars = [...value.matchAll(VARIABLE)].map((m) => m[1]!);
      // As hadolint, $BUILDPLATFORM/$TARGETPLATFORM (and the other predefined platform ARGs) are fine.
      if (vars.length > 0 && vars.every((v) => PLATFORM_ARGS.has(v))) continue;
      const fixes: Fix[] = [];
      const removal = removalWithBlanks(ctx.model, flag.range);
      // Only with something after it on one line: removing the image too would break FROM.
      if (removal.end.character < (ctx.model.lines[removal.end.line] ?? '').length && flag.range.start.line === flag.range.end.line) {
        fixes.push(fix(`Remove --platform=${flag.value}`, replace(removal, '')));
      }
      ctx.report({
        range: flag.range,
        message: `Do not use --platform flag with FROM: \`--platform=${flag.value}\` fixes the stage's platform; let the build choose (or use $BUILDPLATFORM)`,
        fixes,
      });
    }
  },
);
