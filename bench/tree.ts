// bench/tree: the live containers model at scale, against the real daemon, in one run.
//   npm run bench:tree [-- --containers 300 --idle 60]
// Starts N labelled busybox `sleep` containers, then measures:
//   - connect: list containers, images, networks, volumes + build the model (goal ≤ 250 ms with N = 300),
//     against the baseline of one raw GET /containers/json?all=1 through dockerode in the same run;
//   - tree nodes: building the Containers group's nodes from the model (pure part of the render);
//   - idle requests: API requests through a counting proxy over the idle window with the model live (goal 0);
//   - event latency: `docker run` (create+start through the API) until the model has the new container in
//     any state, i.e. its node appears in the tree (goal ≤ 300 ms), and until the model has it running;
//     the daemon's own create+start time in the same runs is the baseline.
// Removes every container it started.
import { parseArgs } from 'node:util';
import { createDockerClient } from '../src/docker/client';
import { DockerModel } from '../src/docker/model';
import { startCountingProxy } from '../test/support/socket-proxy';

const LABEL = 'dev.shipshape.bench';
const { values } = parseArgs({ options: { containers: { type: 'string', default: '300' }, idle: { type: 'string', default: '60' } } });
const count = Number(values.containers);
const idleSeconds = Number(values.idle);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const direct = createDockerClient({});
  const api = direct.api;
  console.log(`bench/tree: starting ${count} busybox containers…`);
  const started = process.hrtime.bigint();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
        const c = await api.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: { [LABEL]: 'true' }, name: `shipshape-bench-${process.pid}-${i + j}` });
        await c.start();
        return c.id;
      }),
    );
    ids.push(...batch);
  }
  console.log(`  started in ${(ms(started) / 1000).toFixed(1)} s`);
  const proxy = await startCountingProxy();
  try {
    // Baseline: the one list request every tool makes.
    const rawTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      await api.listContainers({ all: true });
      rawTimes.push(ms(t));
    }
    const connectTimes: number[] = [];
    let model: DockerModel | undefined;
    for (let i = 0; i < 5; i++) {
      model?.dispose();
      model = new DockerModel(createDockerClient({ host: `unix://${proxy.socketPath}` }));
      const t = process.hrtime.bigint();
      await model.start();
      connectTimes.push(ms(t));
      if (model.connection.kind !== 'connected') throw new Error('model did not connect');
    }
    const live = model!;
    const nodeTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      const nodes = live.containers.map((container) => ({ label: container.name, description: `${container.image} · ${container.status}`, state: container.state }));
      if (nodes.length < count) throw new Error(`model lists ${nodes.length} containers`);
      nodeTimes.push(ms(t));
    }
    console.log(`  raw GET /containers/json (baseline)        ${median(rawTimes).toFixed(1)} ms`);
    console.log(`  model connect: 4 lists + model build        ${median(connectTimes).toFixed(1)} ms  (${(median(connectTimes) / median(rawTimes)).toFixed(2)}x the raw list; goal <= 250 ms)`);
    console.log(`  tree nodes for ${live.containers.length} containers            ${median(nodeTimes).toFixed(2)} ms`);

    const before = proxy.requests.length;
    console.log(`  idle for ${idleSeconds} s with the model live…`);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idle = proxy.requests.slice(before);
    console.log(`  API requests while idle: ${idle.length} (goal 0)${idle.length ? `: ${idle.slice(0, 5).join(', ')}` : ''}`);

    // docker run → the new node. The tree draws a container as soon as the model has it, in any state
    // (the `create` event); it turns green when the model has it running (the `start` event). Both are
    // timed from the model's own change notifications, beside the daemon's create+start as the baseline.
    const firstSeen = new Map<string, bigint>();
    const runningAt = new Map<string, bigint>();
    const watch = live.onDidChange((change) => {
      if (change !== 'containers') return;
      const now = process.hrtime.bigint();
      for (const c of live.containers) {
        if (!firstSeen.has(c.id)) firstSeen.set(c.id, now);
        if (c.state === 'running' && !runningAt.has(c.id)) runningAt.set(c.id, now);
      }
    });
    const since = (from: bigint, to: bigint) => Number(to - from) / 1e6;
    const daemonCreate: number[] = [];
    const daemonRun: number[] = [];
    const toModel: number[] = [];
    const toRunning: number[] = [];
    const afterStart: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = process.hrtime.bigint();
      const c = await api.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '3600'], Labels: { [LABEL]: 'true' } });
      const created = process.hrtime.bigint();
      await c.start();
      const answered = process.hrtime.bigint();
      ids.push(c.id);
      const deadline = Date.now() + 10_000;
      while (!runningAt.has(c.id)) {
        if (Date.now() > deadline) throw new Error(`container ${c.id} never showed as running in the model`);
        await new Promise((r) => setTimeout(r, 1));
      }
      daemonCreate.push(since(t, created));
      daemonRun.push(since(t, answered));
      toModel.push(since(t, firstSeen.get(c.id)!));
      toRunning.push(since(t, runningAt.get(c.id)!));
      afterStart.push(since(answered, runningAt.get(c.id)!));
      await new Promise((r) => setTimeout(r, 200)); // one run at a time, as a person types them
    }
    watch.dispose();
    const figures = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
    console.log(`  the daemon's own create+start (baseline, same runs): ${figures(daemonRun)}; create alone: ${figures(daemonCreate)}`);
    console.log(`  docker run → new node in the model, any state (the tree draws it): ${figures(toModel)} (goal <= 300 ms)`);
    console.log(`  docker run → node running in the model:                          ${figures(toRunning)}`);
    console.log(`    of which after the daemon answered start: ${figures(afterStart)}`);
    live.dispose();
  } finally {
    await proxy.close();
    console.log(`  removing ${ids.length} containers…`);
    for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => api.getContainer(id).remove({ force: true }).catch(() => undefined)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
