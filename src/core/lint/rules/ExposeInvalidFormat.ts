import { trimQuotes } from '../../dockerfile/quotes';
import { buildkitDocs, defineInstructionRule, fix, replace } from '../define';

export default defineInstructionRule(
  {
    id: 'ExposeInvalidFormat',
    source: 'buildkit',
    severity: 'warning',
    description: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
    rationale:
      'EXPOSE only documents which container ports the image listens on; publishing to a host address or host port is decided by `docker run -p`. Docker ignores the IP and host part of `EXPOSE 127.0.0.1:8080:80` today and will reject it in a future release.',
    examples: {
      bad: 'FROM nginx:1.27\nEXPOSE 8080:80\n',
      good: 'FROM nginx:1.27\nEXPOSE 80\n',
    },
    docs: buildkitDocs('ExposeInvalidFormat'),
    fixable: true,
  },
  'EXPOSE',
  (instruction, ctx) => {
    // Top-level EXPOSEs only: ONBUILD triggers are not checked.
    if (instruction.onbuildParent) return;
    for (const word of instruction.args) {
      if (word.value.includes('$')) continue;
      const spec = trimQuotes(word.value);
      if (!spec.includes(':')) continue;
      // BuildKit's splitParts: [ip:]hostPort:containerPort, the container port last.
      const parts = spec.split(':');
      const containerPort = parts[parts.length - 1]!;
      const [port = '', proto = ''] = containerPort.split('/', 2);
      // BuildKit fails on these before its check: nothing to rewrite.
      if (port === '' || !['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) continue;
      ctx.report({
        range: word.range,
        message:
          `EXPOSE instruction should not define an IP address or host-port mapping, found '${spec}': ` +
          `expose only the container port ${containerPort} and publish with docker run -p`,
        fixes: [fix(`Expose only ${containerPort}`, replace(word.range, containerPort))],
      });
    }
  },
);
