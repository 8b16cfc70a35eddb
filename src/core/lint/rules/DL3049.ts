import { flagNamed } from '../../dockerfile/flags';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3049',
    source: 'hadolint',
    severity: 'info',
    description: 'Label `<label>` is missing',
    rationale:
      'A label schema (`label-schema` in .hadolint.yaml) lists the labels every image must carry, such as its source repository or version. Images built without them cannot be traced back to their code, owner or licence by registries and scanners.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nRUN apk add --no-cache curl\n',
    },
    docs: hadolintDocs('DL3049'),
    fixable: false,
    stages: { mode: 'inherits', note: 'a label set in the stage it is built on counts; stages that are only copied from are not checked' },
  },
  (ctx) => {
    const required = Object.keys(ctx.settings.labelSchema);
    const stages = ctx.model.stages;
    if (required.length === 0 || stages.length === 0) return;
    // Stages that other stages only copy files from are build helpers: their labels never reach an image.
    const copiedFrom = new Set<string>();
    const keys: Set<string>[] = [];
    for (const stage of stages) {
      const own = new Set<string>();
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'LABEL') for (const kv of instruction.properties) own.add(kv.key);
        else if (instruction.keyword === 'COPY') {
          const from = flagNamed(instruction, 'from');
          if (from?.value) copiedFrom.add(from.value.toLowerCase());
        }
      }
      keys.push(own);
    }
    for (const label of required) {
      const has: boolean[] = [];
      // A stage built FROM an earlier stage inherits that stage's labels.
      for (const stage of stages) has[stage.index] = keys[stage.index]!.has(label) || (stage.parent !== undefined && has[stage.parent.index] === true);
      // As hadolint main, a stage that a labelled stage is built FROM is only its base (here along the whole chain).
      const base: boolean[] = [];
      for (const stage of [...stages].reverse()) if ((has[stage.index] || base[stage.index]) && stage.parent) base[stage.parent.index] = true;
      for (const stage of stages) {
        const name = stage.name?.toLowerCase();
        if (has[stage.index] || base[stage.index] || (name && copiedFrom.has(name)) || copiedFrom.has(String(stage.index))) continue;
        const where = stage.name ? `stage \`${stage.name}\`` : stages.length > 1 ? `stage ${stage.index}` : 'the image';
        ctx.report({
          range: stage.image?.range ?? stage.from.keywordRange,
          message: `Label \`${label}\` is missing in ${where}: the label schema requires it (add \`LABEL ${label}=...\`)`,
        });
      }
    }
  },
);
