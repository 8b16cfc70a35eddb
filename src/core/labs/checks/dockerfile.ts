// A Dockerfile the student writes in the workspace: lints clean with Shipshape's own linter (the same
// setup as `shipshape lint`, .hadolint.yaml honoured), is a multi-stage build, and its final stage's base.
import path from 'node:path';
import { parseDockerfile } from '../../dockerfile/model';
import { RuleIds } from '../../lint/rule-ids';
import { allRules } from '../../lint/rules';
import type { Finding } from '../../lint/types';
import { defineCheck, observe, type FieldProblem, type Observation } from '../check';
import { matchText, type TextMatch } from '../fields';
import { listed } from '../existence';

const BLOCKING = new Set(['error', 'warning']);

const shown = (f: Finding) => `${f.code} (line ${f.range.start.line + 1}: ${f.message})`;

let ruleIds: RuleIds | undefined;

export default defineCheck({
  meta: {
    kind: 'dockerfile',
    description:
      'A Dockerfile in the workspace: whether Shipshape\'s linter (as `shipshape lint` runs it, the nearest .hadolint.yaml honoured) reports none of some rules ' +
      '(or no error or warning at all), whether it is a multi-stage build, and its final stage\'s base image.',
    fields: {
      file: { type: 'string', required: true, description: 'The Dockerfile, relative to the workspace folder.' },
      lintClean: { type: 'true-or-list', description: 'true: no finding of severity error or warning; or the rule ids (DL3008, JSONArgsRecommended) that must not be reported.' },
      multiStage: { type: 'boolean', description: 'true: more than one FROM; false: exactly one.' },
      finalBase: { type: 'text', description: 'The final stage\'s FROM image as written (busybox:1.36), or { contains | matches }.' },
    },
    triggers: [],
    examples: [
      { title: 'Pinned package versions and no warnings', yaml: 'kind: dockerfile\nfile: Dockerfile\nlintClean: true' },
      { title: 'Two rules fixed', yaml: 'kind: dockerfile\nfile: web/Dockerfile\nlintClean: [DL3007, DL3025]' },
      { title: 'A multi-stage build shipping on busybox', yaml: 'kind: dockerfile\nfile: Dockerfile\nmultiStage: true\nfinalBase: {contains: busybox}' },
    ],
  },
  title: (f) => `${f.file}${f.lintClean ? ' lints clean' : ''}${f.multiStage ? ' is multi-stage' : ''}`,
  validate(f): FieldProblem[] {
    if (!Array.isArray(f.lintClean)) return [];
    ruleIds ??= RuleIds.of(allRules);
    const ids = ruleIds;
    return (f.lintClean as string[]).filter((id) => !ids.isKnown(id)).map((id) => ({ field: 'lintClean', message: `unknown rule id "${id}"`, hint: ids.hint(id) }));
  },
  async run(f, ctx) {
    const file = f.file as string;
    const text = await ctx.readFile(file);
    if (text === undefined) return [observe('file', false, `${file} in the workspace`, `no file ${file}`, `create ${file} in the workspace folder`)];
    const out: Observation[] = [];
    if (f.lintClean !== undefined) {
      if (!ctx.lint) throw new Error('this check context has no linter: it cannot judge lintClean');
      // Where ctx.readFile found it (the pack's folder without a workspace), so the right .hadolint.yaml applies.
      const { findings } = await ctx.lint(path.resolve(ctx.workspace ?? ctx.packRoot, file), text);
      const listedIds = f.lintClean === true ? undefined : new Set(f.lintClean as string[]);
      const bad = findings.filter((x) => (listedIds ? listedIds.has(x.code) || x.aliases.some((a) => listedIds.has(a)) : BLOCKING.has(x.severity)));
      const expected = listedIds ? `none of ${listed([...listedIds])} reported` : 'no error or warning findings';
      const hint = `run \`shipshape lint ${file}\` (or open it in the editor) and fix what it reports`;
      out.push(observe('lintClean', bad.length === 0, expected, bad.length ? listed(bad.map(shown)) : `${findings.length} finding${findings.length === 1 ? '' : 's'}, none of them blocking`, hint));
    }
    const model = parseDockerfile(text);
    if (f.multiStage !== undefined) {
      const n = model.stages.length;
      out.push(observe('multiStage', (n > 1) === f.multiStage, f.multiStage ? 'more than one FROM' : 'a single FROM', `${n} FROM${n === 1 ? '' : 's'}`, f.multiStage ? 'build in one stage (FROM … AS build) and copy the result into a final stage with COPY --from=build' : 'keep only the final stage'));
    }
    if (f.finalBase !== undefined) {
      const base = model.stages[model.stages.length - 1]?.image?.raw ?? '';
      const m = matchText(f.finalBase as TextMatch, base);
      out.push(observe('finalBase', m.ok, `final stage FROM ${m.expected}`, base ? `FROM ${base}` : 'no FROM', `change the last FROM of ${file}`));
    }
    return out;
  },
});

