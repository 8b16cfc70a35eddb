import { parsePlatform } from '../../dockerfile/platform';
import { expandWord, globalScope, pulledImage } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

export default defineRule(
  {
    id: 'InvalidBaseImagePlatform',
    source: 'buildkit',
    severity: 'warning',
    description: 'Base image platform does not match expected target platform',
    rationale:
      'When the local copy of a base image was pulled for another platform (an amd64 image on an arm64 machine, say), the build runs its binaries under emulation or fails with "exec format error". Pull the image for the platform you build, or set --platform on FROM.',
    examples: {
      localImages: { platforms: { 'node:20-alpine': 'linux/amd64' }, defaultPlatform: 'linux/amd64' },
      bad: 'FROM --platform=linux/arm64 node:20-alpine\nRUN node --version\n',
      good: 'FROM node:20-alpine\nRUN node --version\n',
    },
    docs: buildkitDocs('InvalidBaseImagePlatform'),
    fixable: false,
    fileLevelCheck: true,
  },
  (ctx) => {
    const images = ctx.localImages;
    if (!images) return;
    const model = ctx.model;
    // Offline, the build platform and the target platform are both this machine's default.
    const globals = globalScope(model, images.defaultPlatform);
    const lookup = (k: string) => globals.values.get(k);
    for (const stage of model.stages) {
      // The same references the editor looks up in the daemon (baseImageReferences).
      const name = pulledImage(model, stage, globals);
      if (!stage.image || name === undefined) continue;
      let expected = images.defaultPlatform;
      if (stage.platform?.value) {
        const flag = expandWord(stage.platform.value, lookup, model.escapeChar);
        if (flag.error || flag.refs.some((r) => !r.found)) continue;
        expected = flag.value;
      }
      const actual = images.platformOf(name);
      if (!actual) continue;
      const want = parsePlatform(expected);
      const have = parsePlatform(actual);
      // Like BuildKit, only OS and architecture must agree (arm64 and arm64/v8 are the same).
      if (!want || !have || (want.os === have.os && want.arch === have.arch)) continue;
      ctx.report({
        range: stage.image.range,
        message: `Base image ${name} was pulled with platform "${actual}", expected "${expected}" for current build: pull it with --platform ${expected}`,
      });
    }
  },
);
