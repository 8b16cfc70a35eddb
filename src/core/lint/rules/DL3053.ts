import { defineInstructionRule, hadolintDocs } from '../define';
import { typedLabels } from '../label-schema';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 date-time (section 5.6), with the calendar checked: no 31st of April, no hour 24. */
function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

export default defineInstructionRule(
  {
    id: 'DL3053',
    source: 'hadolint',
    severity: 'warning',
    description: 'Label `<label>` is not a valid time format - must conform to RFC3339',
    rationale:
      'Dates in labels are read by programs, which need one unambiguous format. RFC 3339 (`2024-05-01T12:00:00Z`) states the date, the time and the offset from UTC; anything else is parsed differently, or not at all, by different tools.',
    examples: {
      settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="May 1st 2024"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n',
    },
    docs: hadolintDocs('DL3053'),
    fixable: false,
  },
  'LABEL',
  (instruction, ctx) => {
    for (const { kv, value } of typedLabels(instruction, ctx, 'rfc3339')) {
      if (isRfc3339(value)) continue;
      ctx.report({
        range: kv.valueRange ?? kv.range,
        message: `Label \`${kv.key}\` is not a valid RFC 3339 time: \`${value}\` (expected e.g. \`2024-05-01T12:00:00Z\`)`,
      });
    }
  },
);
