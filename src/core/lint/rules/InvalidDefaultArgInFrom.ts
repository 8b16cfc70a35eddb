import { isValidImageReference } from '../../dockerfile/image-reference';
import { expandWord, globalScope } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

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
    fileLevelCheck: true,
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
