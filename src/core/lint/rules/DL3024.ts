import type { Stage } from '../../dockerfile/model';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3024',
    aliases: ['DuplicateStageName'],
    source: 'hadolint',
    severity: 'error',
    description: 'FROM aliases (stage names) must be unique',
    rationale:
      'COPY --from and FROM refer to stages by name, so two stages with one name make those references ambiguous; BuildKit refuses the Dockerfile. Stage names are compared without regard to case, so `Build` and `build` clash too.',
    examples: {
      bad: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\n',
      good: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\n',
    },
    docs: hadolintDocs('DL3024'),
    fixable: false,
    fileLevelCheck: true,
  },
  (ctx) => {
    // BuildKit compares stage names case-insensitively (hadolint exactly): `Build` and `build` clash.
    const seen = new Map<string, Stage>();
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, stage);
        continue;
      }
      ctx.report({
        range: stage.nameRange,
        message: `FROM aliases (stage names) must be unique: \`${stage.name}\` is already the name of the stage on line ${first.from.range.start.line + 1}`,
      });
    }
  },
);
