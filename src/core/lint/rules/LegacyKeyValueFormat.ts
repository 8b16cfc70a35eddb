import type { KeyValue } from '../../dockerfile/model';
import { unquotedBlank } from '../../dockerfile/quotes';
import type { Fix } from '../types';
import { buildkitDocs, defineInstructionRule, fix, replace } from '../define';

/** `KEY value` → `KEY=value`, quoting a value with spaces; null when the rewrite is not obviously equivalent. */
function rewrite(p: KeyValue, escape: string): Fix | null {
  // Built from the value as written, so quoting that matters survives (`ENV A '$x'` stays unexpanded).
  if (p.rawValue === null || !p.valueRange || p.range.start.line !== p.range.end.line) return null;
  const raw = p.rawValue.trim();
  let value = raw;
  if (unquotedBlank(raw, escape) < raw.length) {
    // The legacy value is the rest of the line; wrapping it in quotes is safe when it holds no quotes or escapes.
    if (/["'`\\]/.test(raw)) return null;
    value = `"${raw}"`;
  }
  return fix(`Rewrite as ${p.key}=${value}`, replace({ start: p.keyRange.start, end: p.valueRange.end }, `${p.key}=${value}`));
}

export default defineInstructionRule(
  {
    id: 'LegacyKeyValueFormat',
    source: 'buildkit',
    severity: 'warning',
    description: 'Legacy key/value format with whitespace separator should not be used',
    rationale:
      '`ENV key value` sets one variable to everything after the first space, while `ENV key=value other=x` sets several: the two forms look alike but parse differently, which hides mistakes. Docker documents the space-separated form as legacy; `key=value` is unambiguous.',
    examples: {
      bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\n',
      good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n',
    },
    docs: buildkitDocs('LegacyKeyValueFormat'),
    fixable: true,
  },
  ['ENV', 'LABEL'],
  (instruction, ctx) => {
    // Top-level instructions only: ONBUILD triggers are not checked.
    if (instruction.onbuildParent) return;
    const escape = ctx.model.escapeChar;
    for (const p of instruction.properties) {
      if (p.hasEquals || p.value === null) continue;
      const name = instruction.keywordText;
      const rewritten = rewrite(p, escape);
      ctx.report({
        range: p.range,
        message: `"${name} key=value" should be used instead of legacy "${name} key value" format: use ${name} ${p.key}=<value>`,
        ...(rewritten ? { fixes: [rewritten] } : {}),
      });
    }
  },
);
