import { flagNamed } from '../../dockerfile/flags';
import { mountsOf } from '../../dockerfile/mounts';
import { trimQuotes } from '../../dockerfile/quotes';
import type { Range } from '../../dockerfile/model';
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

/** The registry of an image reference written as text (`COPY --from=`, a mount's `from=`): Docker's rule for the first path part. */
function registryOf(reference: string): string {
  const slash = reference.indexOf('/');
  const first = slash === -1 ? '' : reference.slice(0, slash);
  return first && (first.includes('.') || first.includes(':') || first === 'localhost') ? first.toLowerCase() : 'docker.io';
}

export default defineRule(
  {
    id: 'DL3026',
    source: 'hadolint',
    severity: 'error',
    description: 'Use only an allowed registry in the FROM image',
    rationale:
      'Base images are code you run; pulling them from an arbitrary registry bypasses whatever scanning and mirroring your organisation relies on. When `trustedRegistries` is configured, every image the build pulls must come from one of them (images without a registry come from docker.io): the FROM images and, as in hadolint main, the images named by `COPY --from=` and by the `from=` of a RUN cache or bind mount.',
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
    const isTrusted = (registry: string) => (DOCKER_HUB.includes(registry) ? DOCKER_HUB : [registry]).some((name) => allowed.some((ok) => ok(name)));
    const report = (range: Range, registry: string, what: string) =>
      ctx.report({ range, message: `Use only an allowed registry in the ${what}: \`${registry}\` is not one of the trusted registries (${trusted.join(', ')})` });
    // Stage names seen so far; as hadolint main, a later stage's name is read as an image.
    const stages = new Set<string>();
    // scratch, a stage (by name or index), or a value computed from ARGs is not pulled from a registry we can name.
    const pulled = (value: string) => value !== '' && value.toLowerCase() !== 'scratch' && !stages.has(value.toLowerCase()) && !/^\d+$/.test(value) && !value.includes('$');
    for (const instruction of ctx.model.instructions) {
      if (instruction.keyword === 'FROM') {
        const stage = instruction.stage!;
        const image = stage.image;
        if (stage.name) stages.add(stage.name.toLowerCase());
        if (!image || stage.parent || image.raw.toLowerCase() === 'scratch' || image.raw.includes('$')) continue;
        const registry = image.registry?.toLowerCase() ?? 'docker.io';
        if (!isTrusted(registry)) report(image.range, registry, 'FROM image');
      } else if (instruction.keyword === 'COPY') {
        const flag = flagNamed(instruction, 'from');
        const value = trimQuotes(flag?.value ?? '');
        if (flag && pulled(value) && !isTrusted(registryOf(value))) report(flag.valueRange ?? flag.range, registryOf(value), 'COPY --from image');
      } else if (instruction.keyword === 'RUN') {
        for (const mount of mountsOf(instruction)) {
          const value = mount.options.get('from') ?? '';
          if ((mount.type === 'cache' || mount.type === 'bind') && pulled(value) && !isTrusted(registryOf(value))) {
            report(mount.flag.valueRange ?? mount.flag.range, registryOf(value), 'RUN --mount from= image');
          }
        }
      }
    }
  },
);
