import { unquotePair } from '../../dockerfile/quotes';
import { closest } from '../../dockerfile/spelling';
import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

// <port>[-<port>][/<protocol>[/...]]: BuildKit ignores anything after a second slash.
const PORT_SPEC = /^(\d+)(?:-(\d*))?(?:\/([^/]*))?(?:\/.*)?$/;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export default defineInstructionRule(
  {
    id: 'InvalidPort',
    source: 'syntax',
    severity: 'error',
    description: 'EXPOSE port or protocol that is not valid',
    rationale:
      'EXPOSE takes ports as <port>, <port>/<protocol> or a range <from>-<to>, with ports up to 65535 and the protocols tcp, udp and sctp. Anything else is rejected when the image is built, so the port is not documented and `docker run -P` cannot publish it.',
    examples: { bad: 'FROM nginx:1.27\nEXPOSE 80/http\n', good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n' },
    docs: shipshapeDocs('InvalidPort'),
    fixable: true,
  },
  'EXPOSE',
  (instruction, ctx) => {
    for (const word of instruction.args) {
      // BuildKit removes the quotes of a word, single or double: `EXPOSE '80'` is port 80.
      const value = unquotePair(word.value);
      // Variables are known at build time only.
      if (value.includes('$')) continue;
      const colon = value.lastIndexOf(':');
      if (colon !== -1) {
        // `[ip:]host:container` is ExposeInvalidFormat's finding, unless the container part is itself broken (then it stays silent).
        const [port = '', protocol = ''] = value.slice(colon + 1).split('/', 2);
        if (port === '') ctx.report({ range: word.range, message: `Invalid port \`${value}\`: no container port after \`:\`; EXPOSE takes <port>[/<protocol>]` });
        else if (protocol !== '' && !PROTOCOLS.has(protocol.toLowerCase())) {
          ctx.report({ range: word.range, message: `Invalid protocol \`${protocol}\` in \`${value}\`: use tcp, udp or sctp` });
        }
        continue;
      }
      const m = PORT_SPEC.exec(value);
      if (!m) {
        ctx.report({ range: word.range, message: `Invalid port \`${value}\` in EXPOSE: use <port>, <port>/<protocol> or <from>-<to>, e.g. 8080/tcp` });
        continue;
      }
      const [, start, end, protocol] = m;
      if (end === '') {
        ctx.report({ range: word.range, message: `Port range \`${value}\` has no end: write <from>-<to>, e.g. 8000-8010` });
        continue;
      }
      const from = Number(start);
      const to = end === undefined ? from : Number(end);
      if (from > 65535 || to > 65535) {
        ctx.report({ range: word.range, message: `Invalid port \`${value}\`: ports go up to 65535` });
      } else if (to < from) {
        ctx.report({ range: word.range, message: `Invalid port range \`${value}\`: the end is below the start` });
      }
      // An upper-case valid protocol is ExposeProtoCasing's finding; an unknown one is ours whatever its case.
      if (protocol && !PROTOCOLS.has(protocol.toLowerCase())) {
        const slash = word.value.indexOf('/');
        const single = word.range.start.line === word.range.end.line;
        const { line, character } = word.range.start;
        const protocolStart = character + slash + 1;
        const range = single ? { start: { line, character: protocolStart }, end: { line, character: protocolStart + protocol.length } } : word.range;
        const suggestion = /^https?$/i.test(protocol) ? 'tcp' : closest(protocol, PROTOCOLS);
        const fixes = single && suggestion ? [fix(`Change to ${suggestion}`, replace(range, suggestion))] : [];
        ctx.report({ range, message: `Invalid protocol \`${protocol}\` in \`${value}\`: use tcp, udp or sctp`, fixes });
      }
    }
  },
);
