import { defineRule, shipshapeDocs } from '../define';

export default defineRule(
  {
    id: 'MissingFrom',
    source: 'syntax',
    severity: 'error',
    description: 'Dockerfile without a FROM instruction',
    rationale:
      'Every build stage starts from a base image named by FROM. A Dockerfile with no instructions, or with only ARG instructions, has no stage to build, and BuildKit fails before doing anything. (An instruction placed above the first FROM is DL3061.)',
    examples: { bad: 'ARG VERSION=3.20\n', good: 'ARG VERSION=3.20\nFROM alpine:${VERSION}\n' },
    docs: shipshapeDocs('MissingFrom'),
    fixable: false,
  },
  (ctx) => {
    const { model } = ctx;
    // Any other instruction before (or instead of) FROM is DL3061's finding.
    if (model.instructions.some((i) => i.keyword !== 'ARG')) return;
    const first = model.lines[0] ?? '';
    ctx.report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } },
      message:
        model.instructions.length === 0
          ? 'This Dockerfile has no instructions: start it with FROM <image>'
          : 'This Dockerfile has only ARG instructions: add FROM <image> to start a build stage',
    });
  },
);
