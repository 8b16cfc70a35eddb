import path from 'node:path';
import { copyOperands } from '../../dockerfile/copy';
import { flagNamed } from '../../dockerfile/flags';
import { expandWord } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

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
    // As BuildKit: a .dockerignore with `!` exceptions is not judged (a file may be excepted inside an excluded folder).
    if (!context || context.hasExceptions) return;
    for (const stage of ctx.model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        // COPY --from reads another stage or image, not the build context.
        if (flagNamed(instruction, 'from')) continue;
        for (const operand of copyOperands(instruction).slice(0, -1)) {
          const word = operand.value;
          // Heredocs, remote sources and values only known at build time are not context paths.
          if (word.startsWith('<<') || word.includes('$')) continue;
          const source = operand.exec ? word : expandWord(word, () => undefined, ctx.model.escapeChar).value;
          if (REMOTE.test(source)) continue;
          const cleaned = path.posix.normalize(source.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '');
          // The context root itself: as BuildKit, only a pattern that excludes every entry of it (`*`, `**`) counts.
          const root = cleaned === '' || cleaned === '.';
          if (root ? !context.excludesRoot : !context.isIgnored(cleaned)) continue;
          const cmd = instruction.keyword === 'ADD' ? 'Add' : 'Copy';
          ctx.report({
            range: operand.range,
            message:
              `Attempting to ${cmd} file "${root ? '.' : cleaned}" that is excluded by .dockerignore (${context.dockerignorePath}): ` +
              `remove the pattern or the ${instruction.keyword}`,
          });
        }
      }
    }
  },
);
