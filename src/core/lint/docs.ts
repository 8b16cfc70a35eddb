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
