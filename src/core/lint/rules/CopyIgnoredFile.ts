import path from 'node:path';
import { buildkitDocs, defineRule } from '../define';
import { expandWord } from './UndefinedVar';

const REMOTE = /^(?:https?:\/\/|git@|git:\/\/)/;

export default defineRule(
  {
    id: 'CopyIgnoredFile',
    source: 'buildkit',
    severity: 'warning',
    description: 'Attempting to Copy file that is excluded by .dockerignore',
    rationale:
      'Files matched by .dockerignore are not sent to the builder, so a COPY or ADD of one fails with "not found" or, with a wildcard, silently copies nothing. Either the ignore pattern is too broad or the COPY is stale.',
    examples: {
      dockerignore: '.env\nnode_modules\n',
      bad: 'FROM node:20-alpine\nWORKDIR /app\nCOPY .env ./\nCOPY package.json ./\n',
      good: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\n',
    },
    docs: buildkitDocs('CopyIgnoredFile'),
    fixable: false,
  },
  (ctx) => {
    const context = ctx.buildContext;
    if (!context) return;
    for (const stage of ctx.model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        // COPY --from reads another stage or image, not the build context.
        if (instruction.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
        // With heredocs the words after the first line are file contents.
        const lastLine = instruction.heredocs[0]?.nameRange.end.line ?? Infinity;
        const args = instruction.args.filter((a) => a.range.start.line <= lastLine);
        const words = instruction.json ?? args.map((a) => a.value);
        const ranges = instruction.json ? null : args.map((a) => a.range);
        for (let i = 0; i < words.length - 1; i++) {
          const word = words[i]!;
          // Heredocs, remote sources and values only known at build time are not context paths.
          if (word.startsWith('<<') || word.includes('$')) continue;
          const source = instruction.json ? word : expandWord(word, () => undefined, ctx.model.escapeChar).value;
          if (REMOTE.test(source)) continue;
          const cleaned = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
          // The context root itself: whether all of it is ignored is not a question about one path.
          if (cleaned === '' || cleaned === '.') continue;
          if (!context.isIgnored(cleaned)) continue;
          const cmd = instruction.keyword === 'ADD' ? 'Add' : 'Copy';
          ctx.report({
            range: ranges?.[i] ?? instruction.argsRange ?? instruction.range,
            message:
              `Attempting to ${cmd} file "${cleaned}" that is excluded by .dockerignore (${context.dockerignorePath}): ` +
              `remove the pattern or the ${instruction.keyword}`,
          });
        }
      }
    }
  },
);
