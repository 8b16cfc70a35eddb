// bench/labs: the guided labs' runner against the machine's real daemon, in one run.
//   npm run bench:labs [-- --rounds 20 --events 10 --idle 60 --loads 30]
// Measures, each beside a baseline taken in the same run:
//   - a round of 10 typed checks (one step's Check: container, ports, resources, namespace, exec, file,
//     network, volume, image) on 3 containers it starts (goal ≤ 150 ms), against 10 raw inspect round-trips;
//   - a daemon event (container start) → the watched step's status updated in the runner, driven by
//     DockerModel + labEventsOf (goal ≤ 300 ms), against the daemon's own create+start in the same runs;
//   - Engine API requests over N idle seconds with a watched step whose checks are all event-driven, through
//     a counting proxy (goal 0);
//   - load + validate of the sample pack (goal ≤ 100 ms), against parsing its manifest with `yaml` alone.
// Everything it makes is labelled dev.shipshape.bench=labs, named shipshape-bench-labs-<pid>-…, and removed
// (also when interrupted).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import type { CheckSpec } from '../src/core/labs/pack';
import { loadPack } from '../src/core/labs/load';
import { LabRunner } from '../src/core/labs/runner';
import { createDockerClient, type DockerClient } from '../src/docker/client';
import { labEventsOf } from '../src/docker/lab-events';
import { daemonForLabs } from '../src/docker/labs';
import { DockerModel } from '../src/docker/model';
import { createCheckContext } from '../src/process/lab-io';
import { lab, pack, spec, step } from '../test/support/lab-pack';
import { startCountingProxy } from '../test/support/socket-proxy';

const LABEL = { 'dev.shipshape.bench': 'labs' };
const GOALS = { round: 150, event: 300, idle: 0, load: 100 };
/** A request this soon after a daemon event is taken as answering it (the model's re-read, the checks' re-run). */
const EVENT_WAKE_MS = 2000;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, events: { type: 'string', default: '10' }, idle: { type: 'string', default: '60' }, loads: { type: 'string', default: '30' } } });
const rounds = Number(values.rounds);
const eventRuns = Number(values.events);
const idleSeconds = Number(values.idle);
const loads = Number(values.loads);
const SAMPLE = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'packs', 'sample');
const prefix = `shipshape-bench-labs-${process.pid}-${Date.now().toString(36)}`;

const now = () => process.hrtime.bigint();
const since = (t: bigint) => Number(now() - t) / 1e6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const figures = (xs: number[]) => `median ${percentile(xs, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(xs, 95).toFixed(1).padStart(6)} ms`;
const verdict = (value: number, goal: number) => (value <= goal ? 'met' : 'NOT met');
const row = (name: string, xs: number[]) => console.log(`  ${name.padEnd(62)} ${figures(xs)}`);

/** What the bench made, removed in reverse at the end. */
const made = { containers: [] as string[], networks: [] as string[], volumes: [] as string[] };

async function cleanup(api: DockerClient['api']): Promise<void> {
  await Promise.all(made.containers.splice(0).map((id) => api.getContainer(id).remove({ force: true }).catch(() => undefined)));
  await Promise.all(made.networks.splice(0).map((id) => api.getNetwork(id).remove().catch(() => undefined)));
  await Promise.all(made.volumes.splice(0).map((name) => api.getVolume(name).remove().catch(() => undefined)));
}

async function runContainer(api: DockerClient['api'], name: string, hostConfig: Record<string, unknown>, more: Record<string, unknown> = {}): Promise<string> {
  const c = await api.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: LABEL, HostConfig: hostConfig, ...more });
  made.containers.push(c.id);
  await c.start();
  return c.id;
}

/** Three containers (web with limits, a published port and a volume; a sidecar in web's PID namespace; db), a
 * network both web and db are on, and the step of 10 typed checks that all pass on them. */
async function checkWorld(api: DockerClient['api']): Promise<{ checks: CheckSpec[]; webId: string }> {
  const web = `${prefix}-web`;
  const db = `${prefix}-db`;
  const net = await api.createNetwork({ Name: `${prefix}-net`, Labels: LABEL });
  made.networks.push(net.id);
  const volume = `${prefix}-data`;
  await api.createVolume({ Name: volume, Labels: LABEL });
  made.volumes.push(volume);
  const webId = await runContainer(
    api,
    web,
    { Memory: 64 * 1024 ** 2, NanoCpus: 500_000_000, PidsLimit: 50, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }, Binds: [`${volume}:/data`], NetworkMode: `${prefix}-net` },
    { Env: ['GREETING=hello'], ExposedPorts: { '80/tcp': {} } },
  );
  await runContainer(api, db, { NetworkMode: `${prefix}-net` });
  await runContainer(api, `${prefix}-sidecar`, { PidMode: `container:${webId}` });
  const hostPort = (await api.getContainer(webId).inspect()).NetworkSettings.Ports['80/tcp']![0]!.HostPort;
  const checks = [
    spec('container', { container: web, state: 'running', image: 'busybox', env: { GREETING: 'hello' }, labels: LABEL }),
    spec('ports', { container: web, published: [{ hostIp: '127.0.0.1', hostPort: Number(hostPort), containerPort: 80, protocol: 'tcp' }] }),
    spec('resources', { container: web, memory: 64 * 1024 ** 2, cpus: 0.5, pidsLimit: 50 }),
    spec('namespace', { container: `${prefix}-sidecar`, namespace: 'pid', is: 'shared', with: web }),
    spec('exec', { container: web, command: ['cat', '/etc/hostname'], stdout: { equals: webId.slice(0, 12) } }),
    spec('file', { container: web, path: '/bin/sh', type: 'symlink', owner: '0:0' }),
    spec('network', { network: `${prefix}-net`, driver: 'bridge', members: [web, db] }),
    spec('volume', { volume, mountedIn: web, path: '/data', readOnly: false }),
    spec('image', { image: 'busybox:latest', maxLayers: 5, maxSize: 10 * 1024 ** 2 }),
    spec('container', { container: db, running: true }),
  ];
  return { checks, webId };
}

function environmentFor(client: DockerClient, root: string) {
  return createCheckContext({ daemon: daemonForLabs(() => client), packRoot: root, checkId: 'bench' });
}

async function benchRound(client: DockerClient): Promise<void> {
  const api = client.api;
  const { checks, webId } = await checkWorld(api);
  // The checks an event re-runs: all but exec and file, which go into the container (runc exec, the archive API).
  const evented = checks.filter((c) => c.kind !== 'exec' && c.kind !== 'file');
  const runner = new LabRunner({ pack: pack([lab('bench', [step('round', checks), step('evented', evented)])]), environment: environmentFor(client, SAMPLE), trusted: false });
  const first = await runner.check('bench', 'round'); // warm-up: connections, the internals reader's docker info
  const failing = first.results.filter((r) => r?.status !== 'passed');
  if (failing.length) throw new Error(`the round's checks should all pass: ${failing.map((r) => `${r?.name}: ${r?.status} ${r?.error ?? JSON.stringify(r?.observations.filter((o) => !o.ok))}`).join('; ')}`);
  const baseline: number[] = [];
  const parallelBaseline: number[] = [];
  const round: number[] = [];
  const perCheck = checks.map(() => [] as number[]);
  const eventedRound: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = now();
    for (let j = 0; j < 10; j++) await api.getContainer(webId).inspect();
    baseline.push(since(t));
    t = now();
    await Promise.all(Array.from({ length: 10 }, () => api.getContainer(webId).inspect()));
    parallelBaseline.push(since(t));
    t = now();
    const state = await runner.check('bench', 'round');
    round.push(since(t));
    if (state.status !== 'passed') throw new Error(`round ${i + 1}: the step is ${state.status}`);
    state.results.forEach((r, k) => perCheck[k]!.push(r!.ms));
    t = now();
    await runner.check('bench', 'evented');
    eventedRound.push(since(t));
  }
  runner.dispose();
  console.log(`\nA round of 10 typed checks (one step's Check: ${checks.map((c) => c.kind).join(', ')}), ${rounds} rounds`);
  row('baseline: 10 inspect round-trips, one after another', baseline);
  row('         10 inspect round-trips at once', parallelBaseline);
  row('LabRunner.check of the step (its 10 checks run at once)', round);
  row(`the ${evented.length} of them events re-run (all but exec and file), at once`, eventedRound);
  console.log(`  each check within the round (median ms): ${checks.map((c, k) => `${c.kind} ${percentile(perCheck[k]!, 50).toFixed(0)}`).join(', ')}`);
  const m = percentile(round, 50);
  console.log(`  = ${(m / percentile(baseline, 50)).toFixed(2)}x the sequential baseline; goal <= ${GOALS.round} ms: ${verdict(m, GOALS.round)} (p95 ${verdict(percentile(round, 95), GOALS.round)})`);
}

async function benchEvents(client: DockerClient): Promise<void> {
  const api = client.api;
  const model = new DockerModel(client);
  await model.start();
  if (model.connection.kind !== 'connected') throw new Error(`the model did not connect: ${JSON.stringify(model.connection)}`);
  const daemonTimes: number[] = [];
  const fromEvent: number[] = [];
  const fromAnswer: number[] = [];
  try {
    for (let i = 0; i < eventRuns; i++) {
      const name = `${prefix}-event-${i}`;
      const runner = new LabRunner({ pack: pack([lab('bench', [step('start', [spec('container', { container: name, state: 'running' })])])]), environment: environmentFor(client, SAMPLE), trusted: false, events: labEventsOf(model) });
      let startEvent: bigint | undefined;
      let passedAt: bigint | undefined;
      const events = model.onDaemonEvent((effect, event) => {
        if (effect.kind === 'container' && event.Action === 'start' && event.Actor?.Attributes?.name === name) startEvent ??= now();
      });
      const changes = runner.onDidChange(() => {
        if (runner.state('bench', 'start').status === 'passed') passedAt ??= now();
      });
      runner.watch('bench', 'start');
      const t = now();
      const c = await api.createContainer({ name, Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: LABEL });
      made.containers.push(c.id);
      const created = since(t);
      // Let the create event's run judge it (created, so failed) before starting: the figure is the start's alone.
      const deadline = Date.now() + 10_000;
      while (runner.state('bench', 'start').status !== 'failed') {
        if (Date.now() > deadline) throw new Error(`run ${i + 1}: the create event did not make the step failed (it is ${runner.state('bench', 'start').status})`);
        await sleep(5);
      }
      await sleep(150);
      const s = now();
      await c.start();
      const answered = now();
      daemonTimes.push(created + since(s));
      while (passedAt === undefined) {
        if (Date.now() > deadline + 10_000) throw new Error(`run ${i + 1}: the step did not pass after the container started`);
        await sleep(1);
      }
      if (startEvent === undefined) throw new Error(`run ${i + 1}: the step passed without the start event reaching the model`);
      fromEvent.push(Number(passedAt - startEvent) / 1e6);
      fromAnswer.push(Number(passedAt - answered) / 1e6);
      events.dispose();
      changes.dispose();
      runner.dispose();
    }
  } finally {
    model.dispose();
  }
  console.log(`\nA daemon event (container start) → the watched step's status in the runner (DockerModel + labEventsOf), ${eventRuns} runs`);
  row("baseline: the daemon's own create + start (API calls answered)", daemonTimes);
  row('start event at the model → step passed', fromEvent);
  row('start answered by the daemon → step passed', fromAnswer);
  const m = percentile(fromEvent, 50);
  console.log(`  = ${(m / percentile(daemonTimes, 50)).toFixed(2)}x the daemon's create+start; goal <= ${GOALS.event} ms: ${verdict(m, GOALS.event)} (p95 ${verdict(percentile(fromEvent, 95), GOALS.event)})`);
  console.log("  (includes the runner's 100 ms window that folds a burst of events into one run, and the check's inspect)");
}

async function benchIdle(direct: DockerClient): Promise<void> {
  const proxy = await startCountingProxy(direct.endpoint.host.replace(/^unix:\/\//, ''));
  const client = createDockerClient({ host: `unix://${proxy.socketPath}` });
  const model = new DockerModel(client);
  try {
    await model.start();
    if (model.connection.kind !== 'connected') throw new Error('the model did not connect through the proxy');
    const web = `${prefix}-web`;
    const checks = [
      spec('container', { container: web, state: 'running' }),
      spec('resources', { container: web, memory: 64 * 1024 ** 2 }),
      spec('namespace', { container: `${prefix}-sidecar`, namespace: 'pid', is: 'shared', with: web }),
      spec('network', { network: `${prefix}-net`, members: [web] }),
      spec('volume', { volume: `${prefix}-data`, mountedIn: web }),
      spec('image', { image: 'busybox:latest' }),
    ];
    const runner = new LabRunner({ pack: pack([lab('bench', [step('idle', checks)])]), environment: environmentFor(client, SAMPLE), trusted: false, events: labEventsOf(model) });
    runner.watch('bench', 'idle', { poll: true }); // as while the step panel is visible
    await runner.check('bench', 'idle');
    await sleep(500); // anything the check's own requests set off settles
    const beforeCheck = proxy.requests.length;
    await runner.check('bench', 'idle');
    const perCheck = proxy.requests.length - beforeCheck; // what one run of the step asks the daemon
    await sleep(500);
    // The machine's daemon is shared: other work's events make the model and the watched checks ask the daemon
    // (as they should). Each request and event is timed, so requests no event explains can be told apart.
    const events: { what: string; at: number }[] = [];
    const seen = model.onDaemonEvent((_, event) => void events.push({ what: `${event.Type} ${event.Action}`, at: Date.now() }));
    const requestTimes: number[] = [];
    const push = proxy.requests.push.bind(proxy.requests);
    proxy.requests.push = (...items: string[]) => (requestTimes.push(...items.map(() => Date.now())), push(...items));
    let reruns = 0;
    const runs = runner.onDidChange((change) => void (change.kind === 'step' && reruns++));
    const before = proxy.requests.length;
    console.log(`\nIdle: a watched step (panel visible) whose ${checks.length} checks are all event-driven (${[...new Set(checks.map((c) => c.kind))].join(', ')}), ${idleSeconds} s…`);
    await sleep(idleSeconds * 1000);
    const requests = proxy.requests.slice(before);
    seen.dispose();
    runs.dispose();
    runner.dispose();
    const unexplained = requests.filter((_, i) => !events.some((e) => requestTimes[i]! >= e.at && requestTimes[i]! - e.at <= EVENT_WAKE_MS));
    const kinds = (xs: string[]) => [...new Set(xs)].slice(0, 4).join(', ');
    console.log(`  baseline: polling the step at its checks' 1 s interval: ${perCheck} requests per run (measured now) x ${idleSeconds} s = ${perCheck * idleSeconds} requests`);
    console.log(`  daemon events in the window (other work on the shared daemon): ${events.length}${events.length ? ` (${kinds(events.map((e) => e.what))})` : ''}`);
    console.log(`  API requests in ${idleSeconds} s: ${requests.length}${requests.length ? ` (${kinds(requests)})` : ''}; the step re-ran ${reruns} times (the model re-reads what events change, too)`);
    console.log(`  of them not within ${EVENT_WAKE_MS / 1000} s after an event (polling): ${unexplained.length}${unexplained.length ? ` (${kinds(unexplained)})` : ''}; goal ${GOALS.idle}: ${verdict(unexplained.length, GOALS.idle)}${events.length ? '' : ' (a truly idle window)'}`);
  } finally {
    model.dispose();
    await proxy.close();
  }
}

async function benchLoad(): Promise<void> {
  const manifest = path.join(SAMPLE, 'shipshape-pack.yaml');
  const coldT = now();
  const cold = await loadPack(SAMPLE);
  const coldMs = since(coldT);
  if (!cold.pack) throw new Error(`the sample pack does not load: ${cold.problems.map((p) => p.message).join('; ')}`);
  const parse: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < loads; i++) {
    let t = now();
    YAML.parse(fs.readFileSync(manifest, 'utf8'));
    parse.push(since(t));
    t = now();
    const { pack: loaded } = await loadPack(SAMPLE);
    load.push(since(t));
    if (!loaded) throw new Error('the sample pack stopped loading');
  }
  const steps = cold.pack.labs.reduce((n, l) => n + l.steps.length, 0);
  const checks = cold.pack.labs.reduce((n, l) => n + l.steps.reduce((m, s) => m + s.checks.length, 0), 0);
  console.log(`\nLoad + validate the sample pack (${cold.pack.labs.length} labs, ${steps} steps, ${checks} checks), ${loads} runs`);
  row('baseline: read + YAML.parse of the manifest alone', parse);
  row('loadPack (parse with positions, schema, references, files, hash)', load);
  console.log(`  first load in this process (the schema compiled): ${coldMs.toFixed(1)} ms`);
  const m = percentile(load, 50);
  console.log(`  = ${(m / percentile(parse, 50)).toFixed(1)}x parsing the YAML alone; goal <= ${GOALS.load} ms: ${verdict(m, GOALS.load)} (first load ${verdict(coldMs, GOALS.load)})`);
}

async function main(): Promise<void> {
  for (const [name, n] of Object.entries({ rounds, events: eventRuns, loads })) if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number, 1 or more`);
  if (!Number.isFinite(idleSeconds) || idleSeconds < 0) throw new Error('--idle must be a number of seconds, 0 or more');
  const client = createDockerClient({});
  if (!client.endpoint.host.startsWith('unix://')) throw new Error(`bench/labs needs a local daemon on a unix socket; the endpoint is ${client.endpoint.host}`);
  process.once('SIGINT', () => void cleanup(client.api).then(() => process.exit(130)));
  const version = await client.api.version();
  console.log(`bench/labs: Docker ${version.Version} (API ${version.ApiVersion}) at ${client.endpoint.host}, ${(await client.api.listContainers()).length} containers running`);
  try {
    await benchLoad();
    await benchRound(client);
    await benchEvents(client);
    await benchIdle(client);
  } finally {
    await cleanup(client.api);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
