import { defineRule, fix, hadolintDocs, replace } from '../define';

const COMMENT_MARK = /^#*\s*/;
const INLINE_IGNORE = /^#*\s*hadolint\s+ignore\s*=/i;

export default defineRule(
  {
    id: 'DL1001',
    source: 'hadolint',
    severity: 'info',
    description: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`',
    rationale:
      'Inline ignores silence findings one instruction at a time, scattered through the file where reviewers rarely question them. Teams that want every exception in one reviewed place (the config file) can turn this rule on to keep pragmas out of Dockerfiles.',
    examples: {
      bad: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      good: 'FROM debian:12\nRUN apt-get install -y curl=7.88.*\n',
    },
    docs: hadolintDocs('DL1001'),
    fixable: true,
    offByDefault: true,
  },
  (ctx) => {
    for (const comment of ctx.model.comments) {
      if (!INLINE_IGNORE.test(comment.text)) continue;
      const line = comment.range.start.line;
      const text = ctx.model.lines[line] ?? '';
      const own = text.trim().startsWith('#');
      ctx.report({
        range: comment.range,
        message: `Please refrain from using inline ignore pragmas: \`# ${comment.text.replace(COMMENT_MARK, '')}\`; ignore rules in the configuration instead`,
        // A comment alone on its line goes with its line; otherwise only the comment goes.
        fixes: [
          fix(
            'Remove the ignore pragma',
            own && line + 1 < ctx.model.lines.length
              ? replace({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, '')
              : replace(comment.range, ''),
          ),
        ],
      });
    }
  },
);
