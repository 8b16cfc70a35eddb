// Swarm mode: whether this daemon is in a swarm and how many nodes it has; a service's running
// replicas, image, update state and published ports.
import { defineCheck, observe, type FieldProblem, type Observation } from '../check';
import type { LabService } from '../daemon';
import { existence, listed } from '../existence';
import { parsePort } from '../fields';

const UPDATE_STATES = ['updating', 'paused', 'completed', 'rollback_started', 'rollback_paused', 'rollback_completed'] as const;

/** `busybox:latest@sha256:…` as the service spec stores it, and `busybox` as a person writes it, name the same image. */
function sameImage(spec: string, wanted: string): boolean {
  const strip = (r: string) => {
    const noDigest = r.split('@')[0]!;
    const withTag = noDigest.lastIndexOf(':') > noDigest.lastIndexOf('/') ? noDigest : `${noDigest}:latest`;
    return withTag.replace(/^(docker\.io\/)?(library\/)?/, '');
  };
  return spec === wanted || strip(spec) === strip(wanted);
}

function serviceObservations(s: LabService, f: Record<string, unknown>): Observation[] {
  const name = s.Spec.Name;
  const out: Observation[] = [];
  if (f.replicas !== undefined) {
    const want = f.replicas as number;
    const desired = s.Spec.Mode?.Replicated?.Replicas;
    const actual = `${s.runningTasks} running${desired === undefined ? '' : ` of ${desired} desired`}`;
    const hint = desired === want ? `wait for the tasks to start, or see why they do not: docker service ps ${name}` : `docker service scale ${name}=${want}`;
    out.push(observe('replicas', s.runningTasks === want, `${want} running`, actual, hint));
  }
  if (f.image !== undefined) {
    const image = s.Spec.TaskTemplate?.ContainerSpec?.Image ?? '';
    out.push(observe('image', sameImage(image, f.image as string), `image ${f.image}`, `image ${image || 'none'}`, `docker service update --image ${f.image} ${name}`));
  }
  if (f.updateState !== undefined) {
    const state = s.UpdateStatus?.State ?? 'none (never updated)';
    out.push(observe('updateState', state === f.updateState, `update ${f.updateState}`, `update ${state}`, `see the update's progress: docker service inspect --pretty ${name}`));
  }
  if (f.published !== undefined) {
    const ports = s.Endpoint?.Ports ?? [];
    const shown = ports.map((p) => `${p.PublishedPort}:${p.TargetPort}/${p.Protocol ?? 'tcp'}`);
    for (const written of f.published as string[]) {
      const p = parsePort(written)!;
      const ok = ports.some((q) => q.PublishedPort === p.hostPort && q.TargetPort === p.containerPort && (q.Protocol ?? 'tcp') === p.protocol);
      out.push(observe(`published.${written}`, ok, `port ${p.hostPort}:${p.containerPort}/${p.protocol} published`, `published ${listed(shown)}`, `docker service update --publish-add ${p.hostPort}:${p.containerPort}/${p.protocol} ${name}`));
    }
  }
  return out;
}

export default defineCheck({
  meta: {
    kind: 'swarm',
    description: 'Swarm mode: whether this daemon is in an active swarm and how many nodes it has; a service\'s running replicas, image, update state and published ports.',
    fields: {
      active: { type: 'boolean', description: 'true: the daemon is in an active swarm; false: it is not in one.' },
      nodes: { type: 'integer', description: 'At least this many nodes in the swarm.' },
      service: { type: 'string', description: 'A service (by name) the other fields are about; it must exist.' },
      replicas: { type: 'integer', description: 'With service: exactly this many tasks running.' },
      image: { type: 'string', description: 'With service: the image its tasks run (a digest the daemon added is ignored).' },
      updateState: { type: 'enum', values: UPDATE_STATES, description: 'With service: the state of its last update.' },
      published: { type: 'string[]', unit: 'ports (8080:80/tcp)', description: 'With service: ports published on the routing mesh, as `published:target[/protocol]`.' },
    },
    triggers: ['swarm'],
    examples: [
      { title: 'A swarm of one', yaml: 'kind: swarm\nactive: true\nnodes: 1' },
      { title: 'A web service with two replicas on port 8080', yaml: 'kind: swarm\nservice: shop-web\nreplicas: 2\nimage: busybox\npublished: ["8080:80"]' },
      { title: 'A rolling update finished', yaml: 'kind: swarm\nservice: shop-web\nupdateState: completed' },
    ],
  },
  title: (f) => (f.service ? `service ${f.service}${f.replicas !== undefined ? ` runs ${f.replicas} replicas` : ''}` : f.active === false ? 'swarm mode is off' : 'swarm mode is on'),
  validate(f): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const field of ['replicas', 'image', 'updateState', 'published'])
      if (f[field] !== undefined && f.service === undefined) problems.push({ field, message: `${field} is about a service, so it needs service`, hint: 'add service: NAME' });
    for (const p of (f.published as string[] | undefined) ?? [])
      if (!parsePort(p)) problems.push({ field: 'published', message: `"${p}" is not a published port`, hint: 'write it as docker service create -p takes it: 8080:80 or 8080:80/udp' });
    if (f.active === false && (f.service !== undefined || f.nodes !== undefined)) problems.push({ field: 'active', message: 'active: false cannot go with nodes or a service', hint: 'check those in a step where the swarm is active' });
    return problems;
  },
  async run(f, ctx) {
    const swarm = await ctx.daemon.swarm();
    const active = swarm.state === 'active';
    const wantActive = f.active !== false;
    const out = [observe('active', active === wantActive, wantActive ? 'swarm active' : 'swarm inactive', `swarm ${swarm.state}`, wantActive ? 'docker swarm init --advertise-addr 127.0.0.1' : 'docker swarm leave --force')];
    if (!active || !wantActive) return out;
    if (f.nodes !== undefined) out.push(observe('nodes', swarm.nodes >= (f.nodes as number), `at least ${f.nodes} nodes`, `${swarm.nodes} node${swarm.nodes === 1 ? '' : 's'}`, 'join more nodes: docker swarm join-token worker'));
    if (f.service === undefined) return out;
    const name = f.service as string;
    const service = await ctx.daemon.service(name);
    const e = existence({ noun: 'service', name, wanted: true, found: service !== undefined, create: `create it: docker service create --name ${name} IMAGE`, remove: '' });
    out.push({ ...e.observation, field: 'service' });
    if (e.goOn) out.push(...serviceObservations(service!, f));
    return out;
  },
});
