import { rangeOf } from '../../dockerfile/model';
import { buildkitDocs, defineRule, fix, insertAt } from '../define';

export default defineRule(
  {
    id: 'InvalidDefinitionDescription',
    source: 'buildkit',
    severity: 'warning',
    description: 'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`',
    rationale:
      'BuildKit reads the comment right above a stage or ARG as its description (shown by `docker buildx build --call=outline` and `--call=targets`) when it starts with the name. A comment there that starts otherwise is probably a description in the wrong form, or a note that should be separated by an empty line. Reported on the FROM or ARG, where BuildKit reports it, with the comment as related information.',
    examples: {
      bad: '# Base image for the app\nFROM alpine:3.20 AS base\n',
      good: '# base is the image the app is built on\nFROM alpine:3.20 AS base\n',
    },
    docs: buildkitDocs('InvalidDefinitionDescription'),
    fixable: true,
    experimental: true,
    offByDefault: true,
  },
  (ctx) => {
    const model = ctx.model;
    const directiveLines = new Set(model.directives.map((d) => d.range.start.line));
    for (const instruction of model.instructions) {
      let names: string[];
      if (instruction.keyword === 'ARG') names = instruction.properties.map((d) => d.key);
      else if (instruction.keyword === 'FROM' && instruction.stage?.name) names = [instruction.stage.name.toLowerCase()];
      else continue;
      const line = instruction.range.start.line - 1;
      const above = (model.lines[line] ?? '').trim();
      // Only the comment directly above counts: an empty line or an empty `#` ends a description,
      // and parser directives (`# syntax=`) are not descriptions (BuildKit counts them; nobody means them so).
      if (names.length === 0 || !above.startsWith('#') || directiveLines.has(line)) continue;
      const comment = above.slice(1).trim();
      if (comment === '' || names.includes(comment.split(' ')[0]!)) continue;
      const example = names.length > 1 ? '<arg_key>' : names[0]!;
      const start = model.lines[line]!.indexOf('#');
      // On the instruction, as BuildKit; the comment is related information.
      ctx.report({
        range: instruction.keywordRange,
        related: [{ range: rangeOf(line, start, line, model.lines[line]!.trimEnd().length), message: 'the comment read as its description' }],
        message:
          `Comment for ${instruction.keyword} should follow the format: \`# ${example} <description>\`; ` +
          'if it is not a description, put an empty line after it',
        fixes: [fix('Separate the comment with an empty line', insertAt(instruction.range.start.line, 0, '\n'))],
      });
    }
  },
);
