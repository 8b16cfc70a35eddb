import { expandWord, globalScope } from '../../dockerfile/variables';
import { buildkitDocs, defineRule, fix, removalWithBlanks, replace } from '../define';

export default defineRule(
  {
    id: 'RedundantTargetPlatform',
    source: 'buildkit',
    severity: 'warning',
    description: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
    rationale:
      'FROM already pulls the base image for the target platform, so `--platform=$TARGETPLATFORM` changes nothing. It only adds noise and suggests to readers that something special happens; `--platform=$BUILDPLATFORM` is the flag that matters for cross-compiling.',
    examples: {
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      good: 'FROM alpine:3.20\n',
    },
    docs: buildkitDocs('RedundantTargetPlatform'),
    fixable: true,
  },
  (ctx) => {
    const model = ctx.model;
    const globals = globalScope(model);
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !flag.value.includes('$')) continue;
      const expansion = expandWord(flag.value, (k) => globals.values.get(k), model.escapeChar);
      const names = new Set(expansion.refs.map((r) => r.name));
      // Like BuildKit: only TARGETPLATFORM was substituted, and the result is exactly its value.
      if (names.size !== 1 || !names.has('TARGETPLATFORM') || expansion.refs.some((r) => !r.found)) continue;
      if (expansion.value !== globals.values.get('TARGETPLATFORM')) continue;
      const removal = removalWithBlanks(model, flag.range);
      ctx.report({
        range: flag.range,
        message: `Setting platform to predefined ${flag.value} in FROM is redundant as this is the default behavior`,
        fixes: [fix(`Remove --${flag.name}=${flag.value}`, replace(removal, ''))],
      });
    }
  },
);
