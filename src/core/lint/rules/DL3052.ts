import type * as ast from 'dockerfile-ast';
import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

// An absolute URI as RFC 3986 defines it: a scheme, a colon, then only characters a URI may hold.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

function isUrl(value: string): boolean {
  return URI.test(value);
}

/** Label values as the build sees them (quotes and escapes resolved), by property index. */
function resolvedValues(instruction: Instruction): (string | null)[] {
  const node = instruction.node as Partial<ast.Label>;
  if (typeof node.getProperties !== 'function') return instruction.properties.map((kv) => kv.rawValue);
  return node.getProperties().map((p) => p.getValue());
}

export default defineRule(
  {
    id: 'DL3052',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is not a valid URL',
    rationale:
      'A label the schema types as a URL is followed by people and tools (registries link the source repository, scanners fetch documentation). A value that is not an absolute URL, such as a bare host name or a path, leads nowhere.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/acme/app"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
    },
    docs: hadolintDocs('DL3052'),
    fixable: false,
  },
  (ctx) => {
    const schema = ctx.settings.labelSchema;
    const labels = new Set(Object.keys(schema).filter((k) => schema[k] === 'url'));
    if (labels.size === 0) return;
    for (const instruction of instructionsOf(ctx.model, 'LABEL')) {
      const values = resolvedValues(instruction);
      instruction.properties.forEach((kv, i) => {
        const value = values[i] ?? '';
        // Empty values are DL3051's finding; a `$VAR` value is only known at build time.
        if (!labels.has(kv.key) || value === '' || value.includes('$') || isUrl(value)) return;
        const why = SCHEME.test(value) ? 'it holds characters a URL cannot (encode spaces as %20)' : `it has no scheme (e.g. \`https://${value}\`)`;
        ctx.report({ range: kv.valueRange ?? kv.range, message: `Label \`${kv.key}\` is not a valid URL: \`${value}\`: ${why}` });
      });
    }
  },
);
