// A named volume: exists, its driver and labels, and where a container mounts it (read-only or not).
// "The data survives re-creating the container" is a step of its own: a file check in a new container.
import { defineCheck, observe, type CheckContext, type FieldProblem, type Observation } from '../check';
import { existence, labelObservations, listed } from '../existence';

async function mounted(volume: string, f: Record<string, unknown>, ctx: CheckContext): Promise<Observation[]> {
  const container = f.mountedIn as string;
  const path = f.path as string | undefined;
  const where = `${container}${path ? `:${path}` : ''}`;
  const runHint = `re-create ${container} with -v ${volume}:${path ?? '/PATH'}${f.readOnly ? ':ro' : ''}`;
  const c = await ctx.daemon.container(container);
  if (!c) return [observe('mountedIn', false, `${volume} mounted in ${where}`, `no container ${container}`, runHint)];
  const mounts = c.Mounts.filter((m) => m.Type === 'volume' && m.Name === volume);
  const mount = path ? mounts.find((m) => m.Destination === path) : mounts[0];
  const shown = mounts.length ? `mounted at ${listed(mounts.map((m) => m.Destination))}` : `not mounted in ${container} (its mounts: ${listed(c.Mounts.map((m) => `${m.Name ?? m.Source}:${m.Destination}`))})`;
  const out = [observe('mountedIn', mount !== undefined, `${volume} mounted in ${where}`, shown, runHint)];
  if (mount && f.readOnly !== undefined) {
    const ro = !mount.RW;
    const words = (b: boolean) => (b ? 'read-only' : 'read-write');
    out.push(observe('readOnly', ro === f.readOnly, words(f.readOnly as boolean), words(ro), f.readOnly ? `re-create ${container} with -v ${volume}:${mount.Destination}:ro` : `re-create ${container} without :ro on -v ${volume}:${mount.Destination}`));
  }
  return out;
}

export default defineCheck({
  meta: {
    kind: 'volume',
    description: 'A named volume: whether it exists, its driver and labels, and whether a container mounts it (at a path, read-only or not).',
    fields: {
      volume: { type: 'string', required: true, description: 'The volume\'s name.' },
      exists: { type: 'boolean', description: 'Whether the volume must exist (default true); false checks it was removed.' },
      driver: { type: 'string', description: 'Its driver: local, or a plugin\'s name.' },
      labels: { type: 'map', description: 'Labels it must carry, with these values.' },
      mountedIn: { type: 'string', description: 'A container (by name) that must mount the volume.' },
      path: { type: 'string', description: 'With mountedIn: where in the container it is mounted (absolute).' },
      readOnly: { type: 'boolean', description: 'With mountedIn: whether that mount is read-only (:ro).' },
    },
    triggers: ['volumes', 'container'],
    examples: [
      { title: 'A volume the database keeps its data in', yaml: 'kind: volume\nvolume: shop-data\nmountedIn: shop-db\npath: /var/lib/data' },
      { title: 'Mounted read-only', yaml: 'kind: volume\nvolume: shop-config\nmountedIn: shop-web\npath: /etc/shop\nreadOnly: true' },
      { title: 'Removed at the end of the lab', yaml: 'kind: volume\nvolume: shop-data\nexists: false' },
    ],
  },
  concerns: (f) => [f.volume as string, ...(typeof f.mountedIn === 'string' ? [f.mountedIn] : [])],
  title: (f) => (f.mountedIn ? `volume ${f.volume} mounted in ${f.mountedIn}${f.path ? `:${f.path}` : ''}` : f.exists === false ? `volume ${f.volume} is gone` : `volume ${f.volume}`),
  validate(f): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const field of ['path', 'readOnly'] as const)
      if (f[field] !== undefined && f.mountedIn === undefined) problems.push({ field, message: `${field} says where the volume is mounted, so it needs mountedIn`, hint: 'add mountedIn: CONTAINER' });
    if (typeof f.path === 'string' && !f.path.startsWith('/')) problems.push({ field: 'path', message: `path "${f.path}" is not absolute`, hint: 'write the path inside the container from /, e.g. /data' });
    return problems;
  },
  async run(f, ctx) {
    const name = f.volume as string;
    const volume = await ctx.daemon.volume(name);
    const { observation, goOn } = existence({
      noun: 'volume', name, wanted: f.exists !== false, found: volume !== undefined,
      create: `create it: docker volume create ${name}`, remove: `remove it (and whatever uses it): docker volume rm ${name}`,
    });
    const out = [observation];
    if (!goOn) return out;
    const v = volume!;
    if (f.driver !== undefined) out.push(observe('driver', v.Driver === f.driver, `driver ${f.driver}`, `driver ${v.Driver}`, `re-create it: docker volume create --driver ${f.driver} ${name}`));
    if (f.labels !== undefined) out.push(...labelObservations(f.labels as Record<string, string>, v.Labels, (k, val) => `re-create it: docker volume create --label ${k}=${val} ${name}`));
    if (f.mountedIn !== undefined) out.push(...(await mounted(name, f, ctx)));
    return out;
  },
});
