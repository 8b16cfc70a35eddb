import type { Stage } from '../../dockerfile/model';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3057',
    source: 'hadolint',
    severity: 'info',
    description: '`HEALTHCHECK` instruction missing',
    rationale:
      'Without a HEALTHCHECK, Docker only knows whether the main process runs, not whether it still answers. A health check lets `docker ps`, Compose and Swarm see a hung server and restart or stop routing to it.',
    examples: {
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
    },
    docs: hadolintDocs('DL3057'),
    fixable: false,
    stages: { mode: 'inherits', note: 'a HEALTHCHECK of the stage it is built on counts' },
    offByDefault: true,
  },
  (ctx) => {
    // As hadolint main: a stage is covered by its own HEALTHCHECK, by one in the stage it is built FROM (when that
    // one was covered by then), or by one in a stage built from it later on, which covers the chain it was built on.
    const healthy = new Set<Stage>();
    for (const stage of ctx.model.stages) {
      if (stage.parent && healthy.has(stage.parent)) healthy.add(stage);
      if (!stage.instructions.some((i) => i.keyword === 'HEALTHCHECK')) continue;
      for (let s: Stage | undefined = stage; s && !healthy.has(s); s = s.parent) healthy.add(s);
    }
    for (const stage of ctx.model.stages) {
      if (healthy.has(stage)) continue;
      const where = stage.name ? ` in stage \`${stage.name}\`` : '';
      ctx.report({
        range: stage.image?.range ?? stage.from.keywordRange,
        message: `HEALTHCHECK instruction missing${where}: add one (e.g. \`HEALTHCHECK CMD curl -f http://localhost/ || exit 1\`) so Docker can tell when the container stops answering`,
      });
    }
  },
);
