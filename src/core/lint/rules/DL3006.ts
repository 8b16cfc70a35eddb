import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3006',
    source: 'hadolint',
    severity: 'warning',
    description: 'Always tag the version of an image explicitly',
    rationale:
      'Without a tag the image is `latest`, which moves: the same Dockerfile builds something different next month. A tag (or a digest) makes the base image a decision you can see and review.',
    examples: { bad: 'FROM debian\n', good: 'FROM debian:12-slim\n' },
    docs: hadolintDocs('DL3006'),
    fixable: false,
  },
  (ctx) => {
    // As hadolint main (and Docker), only a stage named before this FROM is a stage; a later name is pulled as an image.
    const stageNames = new Set<string>();
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      const name = image?.raw.toLowerCase();
      // `scratch`, a build stage, or an ARG-supplied image carry no tag of their own.
      if (image && name && !image.tag && !image.digest && name !== 'scratch' && !stageNames.has(name) && !image.raw.includes('$')) {
        ctx.report({ range: image.range, message: `Always tag the version of an image explicitly: ${image.raw} means ${image.raw}:latest` });
      }
      if (stage.name) stageNames.add(stage.name.toLowerCase());
    }
  },
);
