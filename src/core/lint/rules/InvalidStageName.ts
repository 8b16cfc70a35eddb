import { defineRule, shipshapeDocs } from '../define';

// BuildKit's rule for stage names, applied to the lower-cased name.
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

export default defineRule(
  {
    id: 'InvalidStageName',
    source: 'syntax',
    severity: 'error',
    description: 'Build stage name that BuildKit rejects',
    rationale:
      'Stage names are referenced by `COPY --from`, `FROM <stage>` and `--target`, so BuildKit only accepts names that start with a letter and contain letters, digits, `-`, `_` and `.`. Anything else, including a variable, stops the build.',
    examples: { bad: 'FROM golang:1.22 AS 1st-build\nRUN go version\n', good: 'FROM golang:1.22 AS build-1\nRUN go version\n' },
    docs: shipshapeDocs('InvalidStageName'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const args = stage.from.args;
      // Only `FROM <image> AS <name>` names a stage; other shapes are InvalidAs / ExtraArguments.
      if (args.length !== 3 || args[1]!.value.toUpperCase() !== 'AS') continue;
      const name = args[2]!;
      if (STAGE_NAME.test(name.value.toLowerCase())) continue;
      const why = /^[^a-z]/i.test(name.value) ? 'it must start with a letter' : 'it may only contain letters, digits, `-`, `_` and `.`';
      ctx.report({ range: name.range, message: `Invalid stage name \`${name.value}\`: ${why}` });
    }
  },
);
