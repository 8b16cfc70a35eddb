import type { Range } from '../../dockerfile/model';
import { mappedText, rangeText } from '../../dockerfile/model';
import { suggestName } from '../../dockerfile/spelling';
import { expandWord, globalScope } from '../../dockerfile/variables';
import { buildkitDocs, defineRule } from '../define';

export default defineRule(
  {
    id: 'UndefinedArgInFrom',
    source: 'buildkit',
    severity: 'warning',
    description: 'FROM command must use declared ARGs',
    rationale:
      'FROM can only use ARGs declared before the first FROM (and the predefined platform args such as BUILDPLATFORM). Any other variable expands to an empty string, so `FROM node:${NODE_VERSON}` quietly builds on `node:` or fails with a confusing error.',
    examples: {
      bad: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\n',
      good: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n',
    },
    docs: buildkitDocs('UndefinedArgInFrom'),
    fixable: false,
  },
  (ctx) => {
    const model = ctx.model;
    const globals = globalScope(model);
    const check = (region: Range) => {
      // Most regions hold no variable: the text as written answers that without mapping it.
      if (!rangeText(model, region).includes('$')) return;
      const mapped = mappedText(model, region);
      if (!mapped.text.includes('$')) return;
      // BuildKit reports each undeclared name once per image or --platform value.
      const seen = new Set<string>();
      for (const ref of expandWord(mapped.text, (k) => globals.values.get(k), model.escapeChar).refs) {
        if (globals.names.has(ref.name) || seen.has(ref.name)) continue;
        seen.add(ref.name);
        const suggestion = suggestName(ref.name, globals.names);
        let message = `FROM argument '${ref.name}' is not declared`;
        message += suggestion ? ` (did you mean ${suggestion}?)` : `: declare \`ARG ${ref.name}\` before the first FROM`;
        ctx.report({ range: mapped.range(ref.start, ref.end), message });
      }
    };
    for (const stage of model.stages) {
      if (stage.image) check(stage.image.range);
      if (stage.platform?.valueRange) check(stage.platform.valueRange);
    }
  },
);
