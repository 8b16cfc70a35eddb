// bench/internals: time to read one container's internals from a local daemon, against one Engine API
// inspect round-trip through dockerode measured in the same run.
//   npm run bench:internals [-- N [ROUNDS]]     (default: 10 busybox containers, 5 rounds)
// Starts N labelled busybox containers with limits, reads each (alone, and all N in one call), prints
// median and p95 in ms, and removes the containers, also when interrupted.
import { readInternals } from '../src/docker/internals/read';
import { DockerClient, createDockerClient } from '../src/docker/client';

const BENCH_LABEL = 'dev.shipshape.bench';
const count = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 5);
const GOAL_MS = 25;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function startContainers(client: DockerClient, ids: string[]): Promise<void> {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const container = await client.api.createContainer({
        name: `shipshape-bench-internals-${run}-${i}`,
        Image: 'busybox:latest',
        Cmd: ['sleep', '600'],
        Labels: { [BENCH_LABEL]: 'internals' },
        HostConfig: { Memory: 64 * 1024 * 1024, NanoCpus: 500_000_000, PidsLimit: 50 },
      });
      ids.push(container.id);
      await container.start();
    }),
  );
}

async function main(): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(rounds) || rounds < 1) {
    throw new Error('usage: npm run bench:internals [-- N [ROUNDS]] with positive integers');
  }
  const client = createDockerClient({});
  const ids: string[] = [];
  const cleanup = () => Promise.all(ids.map((id) => client.api.getContainer(id).remove({ force: true }).catch(() => undefined)));
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    await startContainers(client, ids);
    const running = (await client.api.listContainers()).length;
    // Warm-up: the first dockerode request and the first /proc reads pay for connection setup and module loading.
    await client.api.getContainer(ids[0]!).inspect();
    const [first] = await readInternals(client, [ids[0]!]);
    if (first!.source !== 'local') throw new Error(`the daemon is not local here (values came from ${first!.source}); this bench measures local reads`);

    const inspect: number[] = [];
    const single: number[] = [];
    const cold: number[] = [];
    const batch: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const id of ids) inspect.push(await time(() => client.api.getContainer(id).inspect()));
      for (const id of ids) single.push(await time(() => readInternals(client, [id])));
      for (const id of ids) cold.push(await time(() => readInternals(createDockerClient({}), [id])));
      batch.push((await time(() => readInternals(client, ids))) / ids.length);
    }
    const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
    const row = (name: string, xs: number[]) => `${name.padEnd(58)} median ${ms(percentile(xs, 50))}   p95 ${ms(percentile(xs, 95))}`;
    console.log(`bench/internals: ${count} busybox containers (${running} running on the daemon in all), ${rounds} rounds, local reads`);
    console.log(row('baseline: one inspect round-trip (GET /containers/{id}/json)', inspect));
    console.log(row('readInternals of one container (docker info cached)', single));
    console.log(row('readInternals of one container, new client (info asked)', cold));
    console.log(row(`readInternals of all ${count} in one call, per container`, batch));
    const median = percentile(single, 50);
    const verdict = median <= GOAL_MS ? 'met' : 'NOT met';
    console.log(`  one container = ${(median / percentile(inspect, 50)).toFixed(1)}x an inspect; goal <= ${GOAL_MS} ms per container: ${verdict}`);
    console.log('  (one read = docker list + inspect of the container + its /proc and cgroup files + the namespaces of every running');
    console.log('   container; other containers\' inspects are reused while their PID names them, docker info is kept for 30 s)');
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
