import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

// An absolute URI as RFC 3986 defines it: a scheme, a colon, then only characters a URI may hold.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

function isUrl(value: string): boolean {
  return URI.test(value);
}

export default defineInstructionRule(
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
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'url')) {
      if (isUrl(value)) continue;
      const why = SCHEME.test(value) ? 'it holds characters a URL cannot (encode spaces as %20)' : `it has no scheme (e.g. \`https://${value}\`)`;
      ctx.report({ range: kv.valueRange ?? kv.range, message: `Label \`${kv.key}\` is not a valid URL: \`${value}\`: ${why}` });
    }
  },
);
