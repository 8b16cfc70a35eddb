import { defineRule, hadolintDocs } from '../define';

/** Names of Docker Hub: an image without a registry comes from there. */
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

/** A trustedRegistries entry as a matcher: `*` is a wildcard (`*.corp.example`, `*`). */
function matcher(pattern: string): (registry: string) => boolean {
  const p = pattern.trim().toLowerCase();
  if (!p.includes('*')) return (registry) => registry === p;
  const re = new RegExp(`^${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (registry) => re.test(registry);
}

export default defineRule(
  {
    id: 'DL3026',
    source: 'hadolint',
    severity: 'error',
    description: 'Use only an allowed registry in the FROM image',
    rationale:
      'Base images are code you run; pulling them from an arbitrary registry bypasses whatever scanning and mirroring your organisation relies on. When `trustedRegistries` is configured, every FROM must come from one of them (images without a registry come from docker.io).',
    examples: {
      // Only active with trustedRegistries set, as in hadolint.
      settings: { trustedRegistries: ['docker.io'] },
      bad: 'FROM quay.io/prometheus/node-exporter:v1.8.2\n',
      good: 'FROM prom/node-exporter:v1.8.2\n',
    },
    docs: hadolintDocs('DL3026'),
    fixable: false,
  },
  (ctx) => {
    const trusted = ctx.settings.trustedRegistries;
    if (trusted.length === 0) return;
    const allowed = trusted.map(matcher);
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      // scratch, an earlier stage, or an image computed from ARGs is not pulled from a registry we can name.
      if (!image || stage.parent || image.raw.toLowerCase() === 'scratch' || image.raw.includes('$')) continue;
      const registry = image.registry?.toLowerCase() ?? 'docker.io';
      const names = DOCKER_HUB.includes(registry) ? DOCKER_HUB : [registry];
      if (names.some((name) => allowed.some((ok) => ok(name)))) continue;
      ctx.report({
        range: image.range,
        message: `Use only an allowed registry in the FROM image: \`${registry}\` is not one of the trusted registries (${trusted.join(', ')})`,
      });
    }
  },
);
