// Rule documentation, generated from each rule's metadata: docs/rules.md and the editor's hover
// and rule pages use the same text.
import type { Rule, RuleMeta } from './types';

const SOURCE_TITLE: Record<RuleMeta['source'], string> = {
  hadolint: 'hadolint rules',
  buildkit: 'BuildKit build checks',
  syntax: 'Syntax and argument checks',
  shellcheck: 'ShellCheck',
};

function status(meta: RuleMeta): string {
  const parts = [`default severity **${meta.severity}**`];
  if (meta.fixable) parts.push('quick fix available');
  if (meta.experimental) parts.push('experimental: off unless `# check=experimental=` names it');
  else if (meta.offByDefault) parts.push('off by default: turn it on by naming it in an `override` list of `.hadolint.yaml`');
  if (meta.aliases?.length) parts.push(`also known as ${meta.aliases.map((a) => `\`${a}\``).join(', ')}`);
  if (meta.sameFindingAs) parts.push(`one finding with \`${meta.sameFindingAs}\` where both report the same name`);
  return parts.join(' · ');
}

function exampleContext(meta: RuleMeta): string[] {
  const { settings, dockerignore, localImages } = meta.examples;
  const lines: string[] = [];
  if (settings?.labelSchema) lines.push(`With \`label-schema: ${JSON.stringify(settings.labelSchema)}\`${settings.strictLabels ? ' and `strict-labels: true`' : ''} in \`.hadolint.yaml\`:`);
  if (settings?.trustedRegistries) lines.push(`With \`trustedRegistries: ${JSON.stringify(settings.trustedRegistries)}\` in \`.hadolint.yaml\`:`);
  if (dockerignore !== undefined) lines.push(`With this \`.dockerignore\`: \`${dockerignore.trim().replace(/\n/g, ' ')}\``);
  if (localImages) lines.push(`With these local images: ${Object.entries(localImages.platforms).map(([r, p]) => `\`${r}\` (${p})`).join(', ')}; building for ${localImages.defaultPlatform}`);
  return lines.length ? [...lines, ''] : [];
}

/** BuildKit's check names of a rule: a BuildKit check's id, a hadolint rule's BuildKit aliases. */
function checkNames(meta: RuleMeta): string[] {
  if (meta.source === 'buildkit') return [meta.id];
  return meta.source === 'hadolint' ? (meta.aliases ?? []) : [];
}

/** Which in-file comments silence the rule, from its metadata. */
export function silencedBy(meta: RuleMeta): string {
  const ids = [meta.id, ...(meta.aliases ?? [])].map((id) => `\`${id}\``).join(' or ');
  const parts = [`\`# hadolint ignore=\` above the instruction or \`# hadolint global ignore=\` with ${ids}`];
  const names = checkNames(meta);
  if (meta.experimental) parts.push('`# check=skip=` does not apply (as BuildKit): it runs only when `# check=experimental=` names it');
  else if (names.length) {
    const skip = names.map((n) => `\`# check=skip=${n}\``).join(' / ');
    const where = meta.fileLevelCheck ? 'at the top of the file only (BuildKit checks the whole file at once, so a check comment above an instruction does not skip it)' : 'at the top of the file, or right above the instruction for that instruction only';
    parts.push(`${skip} (or \`skip=all\`) ${where}${meta.source === 'hadolint' ? ', when the finding is BuildKit\'s too' : ''}`);
  }
  return `Silenced by: ${parts.join('; ')}.`;
}

/** How the rule treats a stage built FROM an earlier stage, when its metadata says. */
export function stagesLine(meta: RuleMeta): string[] {
  if (!meta.stages) return ['Stages built from stages: makes no difference; this rule reads no state that earlier instructions of the stage (or of a stage it is built on) set.', ''];
  const mode = meta.stages.mode === 'inherits' ? 'inherited from the stage it is built on' : 'per stage';
  return [`Stages built from stages: ${mode}; ${meta.stages.note}.`, ''];
}

/** One rule's page in Markdown. `headingLevel` 2 for a section of docs/rules.md, 1 for a page. */
export function renderRuleDoc(meta: RuleMeta, headingLevel = 2): string {
  const h = '#'.repeat(headingLevel);
  return [
    `${h} ${meta.id}: ${meta.description}`,
    '',
    status(meta),
    '',
    meta.rationale,
    '',
    ...exampleContext(meta),
    'Problem:',
    '',
    '```dockerfile',
    meta.examples.bad.trimEnd(),
    '```',
    '',
    'Better:',
    '',
    '```dockerfile',
    meta.examples.good.trimEnd(),
    '```',
    '',
    silencedBy(meta),
    '',
    ...stagesLine(meta),
    `Reference: ${meta.docs}`,
    '',
  ].join('\n');
}

export function renderRulesIndex(rules: readonly Rule[]): string {
  const bySource = new Map<RuleMeta['source'], RuleMeta[]>();
  for (const { meta } of rules) bySource.set(meta.source, [...(bySource.get(meta.source) ?? []), meta]);
  const out = [
    '# Shipshape lint rules',
    '',
    `Generated from the rules' metadata by \`node scripts/gen-rule-docs.mjs\`; do not edit by hand. ${rules.length} rules, ${rules.filter((r) => r.meta.fixable).length} with quick fixes.`,
    '',
    'Any id or alias works in `.hadolint.yaml` (`ignored`, `override`), in `# hadolint ignore=` pragmas, in `# check=skip=` (BuildKit checks), in `--ignore` and in the `shipshape.lint.severities` setting.',
    '',
    '## Check comments and stages built from stages',
    '',
    'BuildKit reads `# check=skip=<names>|all` in two places: as the parser directive at the very top of the file, where it applies to the whole file, and as a comment above an instruction, where it applies to that instruction only. Shipshape reads the second one as BuildKit does: the comment lines since the previous instruction count (empty lines between are fine, an empty `#` line starts afresh), the first `check=` among them is used, its value ends at the first space (so `# check=skip=SecretsUsedInArgOrEnv // why` works and `skip=A, B` skips only `A`), names are case-sensitive, and an indented comment does not count. A few checks BuildKit runs over the whole file at once; only the directive at the top skips those. `skip=` never turns off an experimental check. A hadolint finding that BuildKit reports too (DL3025 as JSONArgsRecommended, DL3000 as WorkdirRelativePath, …) is silenced under either name; where BuildKit would not report it (after a SHELL, after an earlier WORKDIR), it carries no BuildKit name, and check comments leave it alone.',
    '',
    'A finding that concerns two instructions (an overridden CMD and the one that overrides it, an empty continuation line and the end of its instruction) is reported once, on BuildKit\'s line, with the other instruction as related information; a comment above either silences it.',
    '',
    'A stage built `FROM` an earlier stage (by name, or through a global ARG whose default names one) starts from that stage\'s state: its SHELL, WORKDIR, ENV, ARGs, USER. Each rule that reads such state says below whether it follows the parent stage or judges every stage on its own, and after which reference.',
    '',
  ];
  for (const source of ['hadolint', 'buildkit', 'syntax', 'shellcheck'] as const) {
    const metas = (bySource.get(source) ?? []).sort((a, b) => a.id.localeCompare(b.id));
    if (!metas.length) continue;
    out.push(`## ${SOURCE_TITLE[source]}`, '', '| id | severity | description | fix |', '| --- | --- | --- | --- |');
    for (const m of metas) out.push(`| [${m.id}](#${m.id.toLowerCase()}) | ${m.offByDefault ? `${m.severity} (off)` : m.severity} | ${m.description.replace(/\|/g, '\\|')} | ${m.fixable ? 'yes' : ''} |`);
    out.push('');
  }
  for (const source of ['hadolint', 'buildkit', 'syntax'] as const) {
    for (const m of (bySource.get(source) ?? []).sort((a, b) => a.id.localeCompare(b.id))) out.push(renderRuleDoc(m, 3));
  }
  return out.join('\n');
}
