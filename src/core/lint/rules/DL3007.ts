import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3007',
    source: 'hadolint',
    severity: 'warning',
    description: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
    rationale:
      '`latest` is just a tag that moves whenever the publisher pushes, so a rebuild can silently pick up a new major version. A release tag (or a digest) keeps builds repeatable and makes upgrades a visible change.',
    examples: { bad: 'FROM node:latest\n', good: 'FROM node:20-bookworm\n' },
    docs: hadolintDocs('DL3007'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      // A digest pins the image whatever the tag says.
      if (!image || image.tag !== 'latest' || image.digest || !image.tagRange) continue;
      const name = image.name ?? image.raw;
      ctx.report({ range: image.tagRange, message: `Using latest is prone to errors if the image will ever update: pin ${name} to a release tag` });
    }
  },
);
