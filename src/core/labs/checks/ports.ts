// ports: a running container publishes container ports on host ports, on any host IP unless one is given.
import { defineCheck, observe } from '../check';
import type { PublishedPort } from '../fields';
import { CONTAINER_FIELD, findTarget } from './target';

type Fields = { container: string; published: PublishedPort[] };

const hostAddress = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);

/** As `docker run -p` takes it: "8080:80/tcp", "127.0.0.1:8080:80/udp". */
export function portText(p: PublishedPort): string {
  return `${p.hostIp ? `${hostAddress(p.hostIp)}:` : ''}${p.hostPort}:${p.containerPort}/${p.protocol}`;
}

export default defineCheck({
  meta: {
    kind: 'ports',
    description: 'A running container publishes each container port on the host port given (as docker run -p does), on any host IP unless one is given.',
    fields: {
      container: CONTAINER_FIELD,
      published: { type: 'port[]', required: true, unit: 'hostPort:containerPort[/protocol], with an optional host IP first', description: 'The ports it must publish: 8080:80/tcp, 127.0.0.1:5353:53/udp; one or a list.' },
    },
    triggers: ['container'],
    examples: [
      { title: 'A web server on host port 8080', yaml: 'kind: ports\ncontainer: sample-web\npublished: 8080:80/tcp' },
      { title: 'Only on loopback, and a UDP port', yaml: 'kind: ports\ncontainer: sample-dns\npublished: [127.0.0.1:8053:53/tcp, 8053:53/udp]' },
    ],
  },
  concerns: (f) => [f.container as string],
  title: (fields) => `container ${fields.container} publishes ${(fields as Fields).published.map(portText).join(', ')}`,
  async run(fields, ctx) {
    const f = fields as Fields;
    // Ports are bound only while the container runs: a stopped one publishes nothing.
    const target = await findTarget(ctx, f.container, { running: true });
    if (!target.container) return target.failed;
    const ports = target.container.NetworkSettings.Ports ?? {};
    return f.published.map((want) => {
      const key = `${want.containerPort}/${want.protocol}`;
      const bindings = ports[key] ?? [];
      const ok = bindings.some((b) => Number(b.HostPort) === want.hostPort && (!want.hostIp || b.HostIp === want.hostIp));
      const actual = bindings.length
        ? bindings.map((b) => `${hostAddress(b.HostIp || '0.0.0.0')}:${b.HostPort}->${key}`).join(', ')
        : key in ports ? `${key} exposed, not published` : `${key} not published`;
      const flag = portText(want).replace(/\/tcp$/, '');
      return observe('published', ok, portText(want), actual, `re-create the container with \`-p ${flag}\``);
    });
  },
});
