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
    // Names of stages that have a HEALTHCHECK, their own or inherited from the stage they are built FROM.
    const healthy = new Set<string>();
    for (const stage of ctx.model.stages) {
      const own = stage.instructions.some((i) => i.keyword === 'HEALTHCHECK');
      const inherited = stage.image !== null && healthy.has(stage.image.raw.toLowerCase());
      if (own || inherited) {
        if (stage.name) healthy.add(stage.name.toLowerCase());
        continue;
      }
      const where = stage.name ? ` in stage \`${stage.name}\`` : '';
      ctx.report({
        range: stage.image?.range ?? stage.from.keywordRange,
        message: `HEALTHCHECK instruction missing${where}: add one (e.g. \`HEALTHCHECK CMD curl -f http://localhost/ || exit 1\`) so Docker can tell when the container stops answering`,
      });
    }
  },
);
