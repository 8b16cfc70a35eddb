import { buildkitDocs, defineRule } from '../define';
import { expandWord, globalScope } from './UndefinedVar';

// The image reference grammar of distribution/reference, which BuildKit's ParseNormalizedNamed applies.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const REFERENCE = new RegExp(
  `^((?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** Would `docker pull`-style parsing (reference.ParseNormalizedNamed) accept this image name? */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || IMAGE_ID.test(ref)) return false;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const remainder = hasDomain ? ref.slice(slash + 1) : ref;
  const colon = remainder.indexOf(':');
  const repository = colon < 0 ? remainder : remainder.slice(0, colon);
  if (repository.toLowerCase() !== repository) return false;
  const match = REFERENCE.exec(hasDomain ? ref : `docker.io/${ref}`);
  return !!match && match[1]!.length <= 255;
}

export default defineRule(
  {
    id: 'InvalidDefaultArgInFrom',
    source: 'buildkit',
    severity: 'warning',
    description: 'Default value for global ARG results in an empty or invalid base image name',
    rationale:
      'A Dockerfile should build without any --build-arg. When a global ARG used in FROM has no default (or a default that makes a bad name), a plain `docker build` fails with an invalid reference error instead of building.',
    examples: {
      bad: 'ARG TAG\nFROM alpine:${TAG}\n',
      good: 'ARG TAG=3.20\nFROM alpine:${TAG}\n',
    },
    docs: buildkitDocs('InvalidDefaultArgInFrom'),
    fixable: false,
  },
  (ctx) => {
    const model = ctx.model;
    const globals = globalScope(model);
    // BuildKit skips this check when a default value itself cannot be expanded.
    if (globals.error) return;
    for (const stage of model.stages) {
      const image = stage.image;
      // A name without variables is not about ARG defaults; other checks cover a malformed literal name.
      if (!image || !image.raw.includes('$')) continue;
      const expansion = expandWord(image.raw, (k) => globals.values.get(k), model.escapeChar);
      if (expansion.error || isValidImageReference(expansion.value)) continue;
      const empty = [...new Set(expansion.refs.filter((r) => !globals.values.get(r.name)).map((r) => r.name))];
      const hint = empty.length > 0 ? `: give ${empty.map((n) => `ARG ${n}`).join(', ')} a default value` : `: "${expansion.value}" is not a valid image name`;
      ctx.report({ range: image.range, message: `Default value for ARG ${image.raw} results in empty or invalid base image name${hint}` });
    }
  },
);
