import { FLAG_SPECS, knownFlags } from '../../dockerfile/flags';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

// Flags whose empty value (`--from=`) BuildKit rejects or silently misreads.
const EMPTY_IS_WRONG = new Set(['from', 'mount', 'network', 'security', 'device']);

const PLACEHOLDER: Record<string, string> = {
  from: '<stage or image>',
  chown: '<user>[:<group>]',
  chmod: '<mode>',
  platform: '<os>/<arch>',
  checksum: 'sha256:<hex>',
  exclude: '<pattern>',
  mount: 'type=<type>,target=<path>',
  network: 'default|none|host',
  security: 'sandbox|insecure',
  interval: '<duration>',
  timeout: '<duration>',
  'start-period': '<duration>',
  'start-interval': '<duration>',
  retries: '<count>',
};

export default defineInstructionRule(
  {
    id: 'FlagMissingValue',
    source: 'syntax',
    severity: 'error',
    description: 'Flag needs a value',
    rationale:
      'Flags such as `--from`, `--chown` or `--interval` only mean something with `=value`; BuildKit stops the build with "Missing a value on flag" when it is absent. A true/false flag like `--link` may stand alone, but `--link=` with nothing after the `=` is an error too.',
    examples: { bad: 'FROM alpine:3.20\nCOPY --from . /app\n', good: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app\n' },
    docs: shipshapeDocs('FlagMissingValue'),
    fixable: true,
  },
  [...FLAG_SPECS.keys()],
  (instruction, ctx) => {
    for (const { flag, kind } of knownFlags(instruction)) {
      const value = flag.unquoted;
      if (kind === 'bool') {
        if (value !== '') continue;
        ctx.report({
          range: flag.range,
          message: `\`--${flag.name}=\` has no value: write \`--${flag.name}\` or \`--${flag.name}=true\``,
          fixes: [fix(`Change to --${flag.name}`, replace(flag.range, `--${flag.name}`))],
        });
      } else if (value === null) {
        const placeholder = PLACEHOLDER[flag.name] ?? '<value>';
        ctx.report({ range: flag.range, message: `\`--${flag.name}\` needs a value: write \`--${flag.name}=${placeholder}\`` });
      } else if (value === '' && EMPTY_IS_WRONG.has(flag.name)) {
        ctx.report({ range: flag.range, message: `\`--${flag.name}=\` has an empty value: write \`--${flag.name}=${PLACEHOLDER[flag.name] ?? '<value>'}\`` });
      }
    }
  },
);
