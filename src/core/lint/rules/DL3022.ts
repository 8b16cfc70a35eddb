import { flagNamed } from '../../dockerfile/flags';
import { trimQuotes } from '../../dockerfile/quotes';
import { defineRule, hadolintDocs } from '../define';

/** As hadolint main, a value with a tag or digest names an image (`nginx:1.27`); `ghcr.io/x/y` without one is still reported. */
const IMAGE_LIKE = /:/;

export default defineRule(
  {
    id: 'DL3022',
    source: 'hadolint',
    severity: 'warning',
    description: 'COPY --from should reference a previously defined FROM alias',
    rationale:
      'A `--from` value that is not an earlier stage is taken as an image name and pulled from a registry, so a typo in a stage name, or a stage defined further down, copies from some unrelated image or fails the build. Name the stage with `FROM … AS name` before the COPY that uses it.',
    examples: {
      bad: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=builder /app /app\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
    },
    docs: hadolintDocs('DL3022'),
    fixable: false,
  },
  (ctx) => {
    const stages = ctx.model.stages;
    // Docker lower-cases stage names, so `AS Build` is found by `--from=build`.
    const laterLine = (name: string, after: number) => stages.find((s) => s.index > after && s.name?.toLowerCase() === name)?.from.range.start.line;
    const defined = new Set<string>();
    for (const instruction of ctx.model.instructions) {
      const stage = instruction.stage;
      // As hadolint, the stage's own name counts as defined: copying from itself is DL3023's case.
      if (instruction.keyword === 'FROM' && stage?.name) defined.add(stage.name.toLowerCase());
      if (instruction.keyword !== 'COPY') continue;
      const flag = flagNamed(instruction, 'from');
      if (!flag?.value) continue;
      const value = trimQuotes(flag.value);
      const name = value.toLowerCase();
      if (IMAGE_LIKE.test(value) || value.includes('$') || defined.has(name)) continue;
      const index = stage?.index ?? -1;
      const numeric = /^\d+$/.test(value);
      // A stage index must be an earlier stage; the stage's own index is DL3023's case.
      if (numeric && Number(value) <= index) continue;
      const later = numeric ? undefined : laterLine(name, index);
      const why =
        later !== undefined
          ? `stage \`${value}\` is only defined later, on line ${later + 1}`
          : numeric
            ? `there is no stage ${value} before this one`
            : `no earlier stage is named \`${value}\` (an image needs a tag, e.g. \`${value}:<tag>\`)`;
      ctx.report({ range: flag.valueRange ?? flag.range, message: `COPY --from should reference a previously defined FROM alias: ${why}` });
    }
  },
);
