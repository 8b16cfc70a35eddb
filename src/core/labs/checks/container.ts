// container: a container exists (or does not) and is configured and in the state the step asks for.
import { canonicalCapability, configuredCapabilities } from '../../internals/capabilities';
import { defineCheck, observe, type CheckContext, type Observation } from '../check';
import type { LabContainer } from '../daemon';
import { CONTAINER_FIELD, argvOf, commandLine, missing, nameOf, startHint, stateText } from './target';

const STATES = ['created', 'running', 'paused', 'restarting', 'exited', 'dead'] as const;
const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'] as const;
const HEALTH = ['healthy', 'unhealthy', 'starting', 'none'] as const;

/** "busybox" and "docker.io/library/busybox:latest" name the same image. */
export function normalizeImage(reference: string): string {
  let ref = reference.trim().replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!ref.includes('@') && !lastPart.includes(':')) ref += ':latest';
  return ref;
}

const isImageId = (ref: string) => /^(sha256:)?[0-9a-f]{12,64}$/.test(ref);
const words = (argv: readonly string[] | null | undefined) => (argv && argv.length ? commandLine(argv) : '(none)');

type Fields = {
  container: string;
  exists?: boolean;
  state?: (typeof STATES)[number];
  running?: boolean;
  image?: string;
  command?: string[];
  entrypoint?: string[];
  env?: Record<string, string>;
  labels?: Record<string, string>;
  restartPolicy?: (typeof RESTART_POLICIES)[number];
  maxRetries?: number;
  health?: (typeof HEALTH)[number];
  exitCode?: number;
  oomKilled?: boolean;
  user?: string;
  readOnlyRootfs?: boolean;
  capabilities?: string[];
  withoutCapabilities?: string[];
};

/** The fields besides the reference and `exists` that were given. */
const judged = (f: Fields) => Object.keys(f).filter((k) => k !== 'container' && k !== 'exists' && f[k as keyof Fields] !== undefined);

function stateHint(c: LabContainer, want: string): string {
  const name = nameOf(c);
  switch (want) {
    case 'running':
      return startHint(c);
    case 'paused':
      return c.State.Running ? `pause it with \`docker pause ${name}\`` : `start it, then pause it: \`docker start ${name}\` and \`docker pause ${name}\``;
    case 'exited':
      return c.State.Paused ? `unpause it, then stop it: \`docker unpause ${name}\` and \`docker stop ${name}\`` : `stop it with \`docker stop ${name}\``;
    case 'created':
      return `re-create it without starting it: \`docker rm -f ${name}\`, then \`docker create --name ${name} …\``;
    default:
      return `see what it is doing with \`docker inspect ${name}\` and \`docker logs ${name}\``;
  }
}

function healthHint(name: string, want: string, have: string): string {
  if (have === 'none') return `it has no health check: re-create it with \`--health-cmd …\` or give its image a HEALTHCHECK`;
  if (want === 'healthy' && have === 'starting') return 'its health check has not passed yet: wait, or give the check a timeout';
  if (want === 'none') return `re-create it with \`--no-healthcheck\``;
  return `see its health check's last results with \`docker inspect --format '{{json .State.Health}}' ${name}\``;
}

/** Capabilities in effect (from the process, while it runs) or, for a stopped container, what HostConfig asks for. */
async function capabilitiesOf(c: LabContainer, ctx: CheckContext): Promise<{ set: Set<string>; where: string }> {
  if (c.State.Running) {
    const effective = (await ctx.daemon.internals(c.Id)).security.capabilities.effective;
    if (effective) return { set: new Set(effective), where: 'in effect' };
  }
  const h = c.HostConfig;
  return { set: new Set(configuredCapabilities(h.Privileged ?? false, h.CapAdd ?? [], h.CapDrop ?? [])), where: 'configured' };
}

async function judge(c: LabContainer, f: Fields, ctx: CheckContext): Promise<Observation[]> {
  const name = nameOf(c);
  const out: Observation[] = [];
  const recreate = (flags: string) => `re-create the container with \`${flags}\``;
  const s = c.State;
  if (f.state !== undefined) out.push(observe('state', s.Status === f.state, f.state, stateText(c), stateHint(c, f.state)));
  if (f.running !== undefined) {
    const running = s.Running && !s.Paused;
    out.push(observe('running', running === f.running, f.running ? 'running' : 'not running', stateText(c), f.running ? startHint(c) : `stop it with \`docker stop ${name}\``));
  }
  if (f.image !== undefined) {
    const have = c.Config.Image ?? c.Image;
    let ok = isImageId(f.image) ? c.Image.replace(/^sha256:/, '').startsWith(f.image.replace(/^sha256:/, '')) : normalizeImage(have) === normalizeImage(f.image);
    // Created by id or digest, or under another tag of the same image: the image the name points at now is the judge.
    if (!ok && !isImageId(f.image)) ok = (await ctx.daemon.image(f.image))?.Id === c.Image;
    out.push(observe('image', ok, f.image, have, `re-create the container from ${f.image}: \`docker run --name ${name} … ${f.image}\``));
  }
  for (const field of ['command', 'entrypoint'] as const) {
    const want = f[field];
    if (want === undefined) continue;
    const have = field === 'command' ? c.Config.Cmd : c.Config.Entrypoint;
    const argv = argvOf(want);
    const ok = JSON.stringify(have ?? []) === JSON.stringify(argv);
    const hint = field === 'command' ? `re-create the container with the command after the image: \`docker run … IMAGE ${words(argv)}\`` : recreate(`--entrypoint ${argv[0] ?? "''"}`) + (argv.length > 1 ? ` and \`${words(argv.slice(1))}\` first in the command` : '');
    out.push(observe(field, ok, words(argv), words(have), hint));
  }
  for (const [key, value] of Object.entries(f.env ?? {})) {
    const entry = (c.Config.Env ?? []).find((e) => e.startsWith(`${key}=`));
    out.push(observe(`env.${key}`, entry === `${key}=${value}`, `${key}=${value}`, entry ?? `${key} not set`, recreate(`-e ${commandLine([`${key}=${value}`])}`)));
  }
  for (const [key, value] of Object.entries(f.labels ?? {})) {
    const have = c.Config.Labels?.[key];
    out.push(observe(`labels.${key}`, have === value, `${key}=${value}`, have === undefined ? `no label ${key}` : `${key}=${have}`, recreate(`--label ${commandLine([`${key}=${value}`])}`)));
  }
  const policy = c.HostConfig.RestartPolicy?.Name || 'no';
  const retries = c.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0;
  const restartFlag = (p: string, n: number | undefined) => (p === 'on-failure' && n ? `${p}:${n}` : p);
  if (f.restartPolicy !== undefined) {
    out.push(observe('restartPolicy', policy === f.restartPolicy, f.restartPolicy, policy, `change it with \`docker update --restart ${restartFlag(f.restartPolicy, f.maxRetries)} ${name}\``));
  }
  if (f.maxRetries !== undefined) {
    out.push(observe('maxRetries', retries === f.maxRetries, String(f.maxRetries), String(retries), `change it with \`docker update --restart on-failure:${f.maxRetries} ${name}\``));
  }
  if (f.health !== undefined) {
    const have = s.Health?.Status || 'none';
    out.push(observe('health', have === f.health, f.health, have, healthHint(name, f.health, have)));
  }
  if (f.exitCode !== undefined) {
    const exited = !s.Running && (s.Status === 'exited' || s.Status === 'dead');
    const hint = exited ? `it exited with ${s.ExitCode}: see why with \`docker logs ${name}\`` : `it has not exited (${stateText(c)}): wait for it to finish, or stop it`;
    out.push(observe('exitCode', exited && s.ExitCode === f.exitCode, String(f.exitCode), exited ? String(s.ExitCode) : `none yet (${stateText(c)})`, hint));
  }
  if (f.oomKilled !== undefined) {
    // Killed (137) without the flag: SIGKILL from elsewhere, or an OOM kill whose notice Docker missed (it can, under load).
    const killed = !s.Running && s.ExitCode === 137 && !s.OOMKilled;
    const hint = !f.oomKilled
      ? 'it ran out of memory: re-create it with a larger `--memory` limit'
      : killed
        ? 'it was killed (137), but Docker recorded no out-of-memory kill: something else sent it SIGKILL, or Docker missed the kernel\'s notice; re-create it and run it again'
        : 'it was not killed for running out of memory: give it a smaller `--memory` limit than it needs';
    const actual = s.OOMKilled ? 'OOM-killed' : killed ? 'killed (exit code 137), not recorded as OOM-killed' : 'not OOM-killed';
    out.push(observe('oomKilled', s.OOMKilled === f.oomKilled, f.oomKilled ? 'killed for running out of memory' : 'not OOM-killed', actual, hint));
  }
  if (f.user !== undefined) {
    const have = c.Config.User ?? '';
    out.push(observe('user', have === f.user, f.user || "(the image's default user)", have || "(the image's default user)", f.user ? recreate(`--user ${f.user}`) : 're-create the container without `--user`'));
  }
  if (f.readOnlyRootfs !== undefined) {
    const have = c.HostConfig.ReadonlyRootfs ?? false;
    const text = (ro: boolean) => (ro ? 'read-only root filesystem' : 'writable root filesystem');
    out.push(observe('readOnlyRootfs', have === f.readOnlyRootfs, text(f.readOnlyRootfs), text(have), f.readOnlyRootfs ? recreate('--read-only') : 're-create the container without `--read-only`'));
  }
  if (f.capabilities !== undefined || f.withoutCapabilities !== undefined) {
    const { set, where } = await capabilitiesOf(c, ctx);
    const short = (cap: string) => cap.replace(/^CAP_/, '');
    const want = (f.capabilities ?? []).map(canonicalCapability);
    if (want.length) {
      const lacking = want.filter((cap) => !set.has(cap));
      const actual = lacking.length ? `lacks ${lacking.join(', ')} (${where})` : `has ${want.join(', ')} (${where})`;
      const user = c.Config.User ?? '';
      // The kernel clears a non-root process's effective set whatever --cap-add says.
      const hint = set.size === 0 && where === 'in effect' && user && !/^(0|root)(:|$)/.test(user)
        ? `it runs as user ${user}, and a process that is not root has no capabilities in effect: run it as root (without \`--user\`) with ${lacking.map((cap) => `\`--cap-add ${short(cap)}\``).join(' ')}`
        : recreate(lacking.map((cap) => `--cap-add ${short(cap)}`).join(' '));
      out.push(observe('capabilities', lacking.length === 0, `has ${want.join(', ')}`, actual, hint));
    }
    const unwanted = (f.withoutCapabilities ?? []).map(canonicalCapability);
    if (unwanted.length) {
      const present = unwanted.filter((cap) => set.has(cap));
      const actual = present.length ? `has ${present.join(', ')} (${where})` : `lacks ${unwanted.join(', ')} (${where})`;
      out.push(observe('withoutCapabilities', present.length === 0, `lacks ${unwanted.join(', ')}`, actual, recreate(present.map((cap) => `--cap-drop ${short(cap)}`).join(' '))));
    }
  }
  return out;
}

export default defineCheck({
  meta: {
    kind: 'container',
    description: 'A container exists (or does not), is in a state, and was created with the image, command, environment, labels, restart policy, user, read-only root filesystem and capabilities the step asks for.',
    fields: {
      container: CONTAINER_FIELD,
      exists: { type: 'boolean', description: 'false: passes only when there is no such container (the other fields are then ignored). true (the default): it must exist.' },
      state: { type: 'enum', values: STATES, description: "Its state, as `docker ps -a` shows it (State.Status)." },
      running: { type: 'boolean', description: 'Whether it is running (a paused container is not).' },
      image: { type: 'string', description: 'The image it was created from, as given to docker run (busybox means busybox:latest), or an image id.' },
      command: { type: 'string[]', description: 'Its command (Cmd) as an argument list; a single string is split into words as a shell would.' },
      entrypoint: { type: 'string[]', description: 'Its entrypoint as an argument list; a single string is split into words as a shell would.' },
      env: { type: 'map', description: 'Environment variables that must be set to these values (others may be set too).' },
      labels: { type: 'map', description: 'Labels that must be set to these values (others may be set too).' },
      restartPolicy: { type: 'enum', values: RESTART_POLICIES, description: 'Its restart policy (--restart).' },
      maxRetries: { type: 'integer', description: 'For on-failure: the maximum retry count (--restart on-failure:N).' },
      health: { type: 'enum', values: HEALTH, description: "Its health check's status; none when it has no health check." },
      exitCode: { type: 'integer', description: 'The code it exited with; fails while it has not exited.' },
      oomKilled: { type: 'boolean', description: 'Whether the kernel killed it for going over its memory limit.' },
      user: { type: 'string', description: 'The user it was created to run as (--user), exactly as given: "1000", "1000:1000", "nobody".' },
      readOnlyRootfs: { type: 'boolean', description: 'Whether its root filesystem is read-only (--read-only).' },
      capabilities: { type: 'string[]', description: 'Capabilities it must have: in effect for its process while it runs, else as configured (NET_ADMIN or CAP_NET_ADMIN).' },
      withoutCapabilities: { type: 'string[]', description: 'Capabilities it must not have, judged like capabilities (NET_RAW).' },
    },
    triggers: ['container'],
    examples: [
      { title: 'A running web server from a given image', yaml: 'kind: container\ncontainer: sample-web\nstate: running\nimage: busybox\ncommand: httpd -f -p 80' },
      { title: 'An environment variable and a label', yaml: 'kind: container\ncontainer: sample-web\nenv: { GREETING: hello }\nlabels: { tier: frontend }' },
      { title: 'Restarts on failure, at most 3 times', yaml: 'kind: container\ncontainer: sample-worker\nrestartPolicy: on-failure\nmaxRetries: 3' },
      { title: 'Killed for going over its memory limit', yaml: 'kind: container\ncontainer: sample-hog\nstate: exited\noomKilled: true\nexitCode: 137' },
      { title: 'Hardened: read-only, not root, no raw sockets', yaml: 'kind: container\ncontainer: sample-web\nreadOnlyRootfs: true\nuser: "1000"\nwithoutCapabilities: [NET_RAW]' },
      { title: 'Removed', yaml: 'kind: container\ncontainer: sample-old\nexists: false' },
    ],
  },
  concerns: (f) => [f.container as string],
  title(fields) {
    const f = fields as Fields;
    if (f.exists === false) return `container ${f.container} does not exist`;
    if (f.state) return `container ${f.container} is ${f.state}`;
    if (f.running !== undefined) return `container ${f.container} is ${f.running ? '' : 'not '}running`;
    const rest = judged(f);
    return rest.length ? `container ${f.container}: ${rest.join(', ')}` : `container ${f.container} exists`;
  },
  async run(fields, ctx) {
    const f = fields as Fields;
    const c = await ctx.daemon.container(f.container);
    if (f.exists === false) {
      return [observe('exists', !c, `no container named ${f.container}`, c ? `a container ${f.container} (${stateText(c)})` : `no container named ${f.container}`, `remove it with \`docker rm -f ${f.container}\``)];
    }
    if (!c) return [missing(f.container, f.exists ? 'exists' : 'container')];
    const observations = await judge(c, f, ctx);
    if (f.exists || observations.length === 0) observations.unshift(observe('exists', true, `a container named ${f.container}`, `a container ${f.container} (${stateText(c)})`));
    return observations;
  },
});
