import { defineInstructionRule, hadolintDocs } from '../define';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineInstructionRule(
  {
    id: 'DL3043',
    source: 'hadolint',
    severity: 'error',
    description: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction',
    rationale:
      'ONBUILD stores an instruction to run when another Dockerfile builds FROM this image. Chaining ONBUILD ONBUILD, starting a new stage with FROM, or setting MAINTAINER from a trigger is not allowed: Docker rejects the Dockerfile.',
    examples: {
      bad: 'FROM busybox:1.36\nONBUILD FROM alpine:3.20\n',
      good: 'FROM busybox:1.36\nONBUILD COPY . /app\n',
    },
    docs: hadolintDocs('DL3043'),
    fixable: false,
  },
  'ONBUILD',
  (instruction, ctx) => {
    // Top-level ONBUILDs only: `ONBUILD ONBUILD x` is reported once, on its outer ONBUILD.
    if (instruction.onbuildParent) return;
    const trigger = instruction.trigger;
    if (!trigger || !FORBIDDEN.has(trigger.keyword)) return;
    ctx.report({
      range: trigger.keywordRange,
      message: `\`ONBUILD ${trigger.keyword}\` is not allowed: an ONBUILD trigger cannot be ONBUILD, FROM or MAINTAINER`,
    });
  },
);
