// A network: exists, its driver and subnet, which containers are attached and under which aliases,
// and whether one container can resolve another's name through Docker's DNS.
import { defineCheck, observe, type CheckContext, type FieldProblem, type Observation } from '../check';
import type { LabNetwork } from '../daemon';
import { existence, listed } from '../existence';

const RESOLVE_TIMEOUT_MS = 10_000;

/** The aliases written for one container: "api backend" or "api, backend". */
const aliasesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The addresses busybox's nslookup printed after the answer's `Name:` lines. */
function addressesIn(output: string): string[] {
  const answer = output.split(/\n\s*Non-authoritative answer:|\nName:/).slice(1).join('\n');
  return [...answer.matchAll(/Address(?:\s+\d+)?:\s*([0-9a-fA-F.:]+)/g)].map((m) => m[1]!).filter((a) => !a.endsWith(':53'));
}

async function resolves(network: string, from: string, name: string, ctx: CheckContext): Promise<Observation> {
  const field = 'resolves';
  const expected = `${from} resolves ${name}`;
  const container = await ctx.daemon.container(from);
  if (!container) return observe(field, false, expected, `no container ${from}`, `start it on ${network}: docker run -d --name ${from} --network ${network} busybox sleep 3600`);
  if (!container.State.Running) return observe(field, false, expected, `container ${from} is ${container.State.Status}`, `start it: docker start ${from}`);
  const r = await ctx.daemon.exec(from, ['nslookup', name], { timeoutMs: RESOLVE_TIMEOUT_MS });
  if (r.exitCode === 126 || r.exitCode === 127) throw new Error(`cannot ask ${from} to resolve ${name}: nslookup is not in its image (${(r.stdout + r.stderr).trim()})`);
  const addresses = addressesIn(r.stdout);
  if (r.exitCode === 0 && addresses.length > 0) return observe(field, true, expected, `${from} resolves ${name} to ${addresses.join(', ')}`);
  return observe(field, false, expected, `${from} cannot resolve ${name}`, `attach both containers to ${network} (docker network connect ${network} ${from}); names resolve only on user-defined networks`);
}

export default defineCheck({
  meta: {
    kind: 'network',
    description:
      'A network: whether it exists, its driver and subnet, the containers attached (and their aliases on it), and name resolution from one container to another. ' +
      'Resolution runs `nslookup NAME` in the `from` container (busybox has it): it asks Docker\'s DNS (127.0.0.11), so /etc/hosts entries (--add-host, --link) are not seen.',
    fields: {
      network: { type: 'string', required: true, description: 'The network\'s name or id.' },
      exists: { type: 'boolean', description: 'Whether the network must exist (default true); false checks it was removed.' },
      driver: { type: 'string', description: 'Its driver: bridge, overlay, macvlan, host, none.' },
      subnet: { type: 'string', description: 'A subnet of its IPAM configuration, in CIDR notation: 10.10.0.0/24.' },
      members: { type: 'string[]', description: 'Containers (by name) that must be attached; others may be too.' },
      aliases: { type: 'map', description: 'Aliases each container must have on this network: {web: "api backend"} (several separated by blanks or commas).' },
      resolves: { type: 'map', description: '{from: CONTAINER, name: NAME}: NAME resolves from inside CONTAINER (which must be running).' },
    },
    triggers: ['networks', 'container'],
    examples: [
      { title: 'A user-defined bridge with two members', yaml: 'kind: network\nnetwork: shop-net\ndriver: bridge\nmembers: [shop-web, shop-db]' },
      { title: 'The web container finds the database by name', yaml: 'kind: network\nnetwork: shop-net\nresolves: {from: shop-web, name: shop-db}' },
      { title: 'An alias on the network', yaml: 'kind: network\nnetwork: shop-net\naliases: {shop-db: database}' },
    ],
  },
  concerns: (f) => {
    const r = f.resolves as Record<string, string> | undefined;
    return [f.network as string, ...((f.members as string[] | undefined) ?? []), ...(r ? [r.from, r.name].filter((x): x is string => !!x) : [])];
  },
  title: (f) => {
    const r = f.resolves as Record<string, string> | undefined;
    if (r) return `${r.from} resolves ${r.name} on network ${f.network}`;
    return f.exists === false ? `network ${f.network} is gone` : `network ${f.network}`;
  },
  validate(fields): FieldProblem[] {
    const r = fields.resolves as Record<string, string> | undefined;
    if (!r) return [];
    const extra = Object.keys(r).filter((k) => k !== 'from' && k !== 'name');
    if (r.from && r.name && extra.length === 0) return [];
    return [{ field: 'resolves', message: `resolves takes exactly from and name${extra.length ? ` (not ${extra.join(', ')})` : ''}`, hint: 'write resolves: {from: web, name: db}' }];
  },
  async run(f, ctx) {
    const name = f.network as string;
    const network = await ctx.daemon.network(name);
    const { observation, goOn } = existence({
      noun: 'network', name, wanted: f.exists !== false, found: network !== undefined,
      create: `create it: docker network create ${name}`, remove: `remove it: docker network rm ${name}`,
    });
    const out = [observation];
    if (!goOn) return out;
    const n = network!;
    if (f.driver !== undefined) out.push(observe('driver', n.Driver === f.driver, `driver ${f.driver}`, `driver ${n.Driver}`, `re-create it: docker network create --driver ${f.driver} ${name}`));
    if (f.subnet !== undefined) {
      const subnets = (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s));
      out.push(observe('subnet', subnets.includes(f.subnet as string), `subnet ${f.subnet}`, `subnet ${listed(subnets)}`, `re-create it: docker network create --subnet ${f.subnet} ${name}`));
    }
    if (f.members !== undefined) out.push(...members(n, f.members as string[]));
    if (f.aliases !== undefined) out.push(...(await aliases(n, f.aliases as Record<string, string>, ctx)));
    const r = f.resolves as Record<string, string> | undefined;
    if (r) out.push(await resolves(name, r.from!, r.name!, ctx));
    return out;
  },
});

function members(n: LabNetwork, wanted: string[]): Observation[] {
  const attached = Object.values(n.Containers ?? {}).map((c) => c.Name);
  return wanted.map((c) =>
    observe(`members.${c}`, attached.includes(c), `${c} attached to ${n.Name}`, attached.includes(c) ? `${c} attached` : `attached: ${listed(attached)}`, `docker network connect ${n.Name} ${c}`),
  );
}

async function aliases(n: LabNetwork, wanted: Record<string, string>, ctx: CheckContext): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const [container, text] of Object.entries(wanted)) {
    const want = aliasesOf(text);
    const c = await ctx.daemon.container(container);
    const endpoint = c?.NetworkSettings.Networks?.[n.Name];
    const expected = `${container} known as ${listed(want)} on ${n.Name}`;
    const hint = `docker network disconnect ${n.Name} ${container}; docker network connect ${want.map((a) => `--alias ${a} `).join('')}${n.Name} ${container}`;
    if (!c) out.push(observe(`aliases.${container}`, false, expected, `no container ${container}`, hint));
    else if (!endpoint) out.push(observe(`aliases.${container}`, false, expected, `${container} is not attached to ${n.Name}`, hint));
    else {
      // Docker adds the container's short id as an alias of its own; only names a person gave are shown.
      const has = (endpoint.Aliases ?? []).filter((a) => !c.Id.startsWith(a));
      out.push(observe(`aliases.${container}`, want.every((a) => has.includes(a)), expected, `aliases ${listed(has)}`, hint));
    }
  }
  return out;
}
