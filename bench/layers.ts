// bench/layers: Shipshape's waste analysis of an image streamed from the daemon, against reading the
// same `docker save` stream to nowhere, at two image sizes with the same number of files.
//   npm run bench:layers [-- [--rounds N] [--keep]]      (default: 3 rounds; images removed at the end)
// Builds offline, FROM busybox, two labelled images (~1 GB and ~250 MB: 8000 file writes each in six
// layers, with overwritten, chmod-copied and deleted files), reusing images a --keep run left. Each
// measurement runs in its own child process, so that peak RSS (process.resourceUsage().maxRSS) is that
// reader's own. Prints MB/s, analysis ÷ raw throughput (goal ≥ 0.7) and peak RSS (goal ≤ 150 MB at both sizes).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { analyseImageTar } from '../src/core/layers/analysis';
import { createDockerClient, type DockerClient } from '../src/docker/client';
import { analyseImage } from '../src/docker/layers';
import { median } from './support';
import { buildLabelledImage, removeBuiltImage, type BuiltImage } from '../test/support/layer-images';

const BENCH_LABEL = 'dev.shipshape.bench';
const RECIPE_LABEL = 'dev.shipshape.bench.layers';
const RATIO_GOAL = 0.7;
const RSS_GOAL_MB = 150;
const FILES = 2000;

/** Six layers, 8000 file writes of `fileKiB` each: two sets written, one half overwritten, one set deleted, a half chmod-copied. */
function recipe(fileKiB: number): string {
  const write = (dir: string, from: number, to: number) =>
    `mkdir -p ${dir} && i=${from}; while [ $i -lt ${to} ]; do dd if=/dev/urandom of=${dir}/f$i bs=1024 count=${fileKiB} 2>/dev/null; i=$((i+1)); done`;
  return [
    'FROM busybox',
    `RUN ${write('/data/a', 0, FILES)}`,
    `RUN ${write('/data/b', 0, FILES)}`,
    `RUN ${write('/data/a', 0, FILES / 2)}`,
    'RUN rm -rf /data/b',
    `RUN ${write('/data/c', 0, FILES)}`,
    `RUN i=0; while [ $i -lt ${FILES / 2} ]; do chmod 600 /data/c/f$i; i=$((i+1)); done`,
    '',
  ].join('\n');
}

const SIZES = [
  { name: '1 GB', fileKiB: 128 },
  { name: '250 MB', fileKiB: 32 },
];

interface Reading {
  bytes: number;
  seconds: number;
  maxRssMB: number;
}

type Mode = 'raw' | 'analyse' | 'raw-file' | 'analyse-file';

/** Child mode: one reading of one image (by ID from the daemon, or a saved archive's path), printed as JSON. */
async function child(mode: Mode, source: string): Promise<void> {
  const start = process.hrtime.bigint();
  let bytes = 0;
  const file = () => fs.createReadStream(source, { highWaterMark: 1 << 20 });
  if (mode === 'raw') {
    for await (const chunk of (await createDockerClient({}).api.getImage(source).get()) as AsyncIterable<Buffer>) bytes += chunk.length;
  } else if (mode === 'analyse') {
    await analyseImage(createDockerClient({}), source, { onProgress: (read) => (bytes = read) });
  } else if (mode === 'raw-file') {
    for await (const chunk of file()) bytes += (chunk as Buffer).length;
  } else {
    await analyseImageTar(file(), { onProgress: (read) => (bytes = read) });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const reading: Reading = { bytes, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(reading));
}

async function measure(mode: Mode, source: string): Promise<Reading> {
  const { stdout } = await promisify(execFile)(process.execPath, [__filename, '--child', mode, source], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Reading;
}

/** Medians over rounds of a raw read and the analysis of the same source, taken in turns. */
async function compare(raw: Mode, analyse: Mode, source: string, rounds: number): Promise<{ raw: Reading[]; analysed: Reading[] }> {
  const readings = { raw: [] as Reading[], analysed: [] as Reading[] };
  await measure(raw, source); // warm-up: the page cache, and the daemon's first save of this image
  for (let r = 0; r < rounds; r++) {
    readings.raw.push(await measure(raw, source));
    readings.analysed.push(await measure(analyse, source));
  }
  return readings;
}

const mbps = (rs: Reading[]) => median(rs.map((x) => x.bytes / 1e6 / x.seconds));
const peak = (rs: Reading[]) => Math.max(...rs.map((x) => x.maxRssMB));

async function imageFor(client: DockerClient, fileKiB: number, made: BuiltImage[]): Promise<{ id: string; reused: boolean }> {
  const key = `kib-${fileKiB}-files-${FILES}-v1`;
  const existing = await client.api.listImages({ filters: JSON.stringify({ label: [`${RECIPE_LABEL}=${key}`] }) });
  if (existing[0]) {
    made.push({ id: existing[0].Id, tag: existing[0].RepoTags?.[0] ?? existing[0].Id, steps: [] });
    return { id: existing[0].Id, reused: true };
  }
  const tag = `shipshape-bench-layers:${key}`;
  console.log(`building ${tag} (offline, FROM busybox) …`);
  const image = await buildLabelledImage(client, tag, recipe(fileKiB), { [BENCH_LABEL]: 'layers', [RECIPE_LABEL]: key });
  made.push(image);
  return { id: image.id, reused: false };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Mode, args[2]!);
  const keep = args.includes('--keep');
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('usage: npm run bench:layers [-- [--rounds N] [--keep]] with N a positive integer');
  const client = createDockerClient({});
  const made: BuiltImage[] = [];
  const cleanup = async () => {
    if (keep) return;
    for (const image of made) await removeBuiltImage(client, image, BENCH_LABEL);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const rows: string[] = [];
    const rss: number[] = [];
    for (const size of SIZES) {
      const { id, reused } = await imageFor(client, size.fileKiB, made);
      const daemon = await compare('raw', 'analyse', id, rounds);
      const ratio = mbps(daemon.analysed) / mbps(daemon.raw);
      rss.push(peak(daemon.analysed));
      // The same archive from a local file: the analysis' own speed, without the daemon's save as the bottleneck.
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-layers-'));
      let local: { raw: Reading[]; analysed: Reading[] };
      try {
        const file = path.join(folder, 'image.tar');
        await pipeline((await client.api.getImage(id).get()) as NodeJS.ReadableStream, fs.createWriteStream(file));
        local = await compare('raw-file', 'analyse-file', file, rounds);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
      const row = (what: string, rs: Reading[]) => `  ${what.padEnd(44)} ${mbps(rs).toFixed(0).padStart(5)} MB/s   peak RSS ${peak(rs).toFixed(0).padStart(4)} MB`;
      rows.push(`${size.name} image (${(daemon.raw[0]!.bytes / 1e6).toFixed(0)} MB save stream, ${FILES * 4} file versions, ${reused ? 'reused' : 'built'}):`);
      rows.push(row('raw docker save stream to nowhere', daemon.raw));
      rows.push(row("Shipshape's full analysis of that stream", daemon.analysed));
      rows.push(`  ratio analysis ÷ raw: ${ratio.toFixed(2)} (goal ≥ ${RATIO_GOAL}: ${ratio >= RATIO_GOAL ? 'met' : 'NOT met'})`);
      rows.push(row('the saved archive read from a file', local.raw));
      rows.push(row('the analysis of that file', local.analysed));
      rows.push(`  ratio from a file (no daemon): ${(mbps(local.analysed) / mbps(local.raw)).toFixed(2)}`);
    }
    console.log(`bench/layers: ${rounds} rounds per size, medians of MB/s (MB = 10^6 bytes), each reading in its own process`);
    for (const row of rows) console.log(row);
    const flat = Math.max(...rss) - Math.min(...rss) <= 0.1 * Math.max(...rss);
    const rssMet = rss.every((x) => x <= RSS_GOAL_MB) && flat;
    console.log(`  analysis peak RSS at the two sizes: ${rss.map((x) => `${x.toFixed(0)} MB`).join(' and ')} (goal ≤ ${RSS_GOAL_MB} MB and flat, within 10%: ${rssMet ? 'met' : 'NOT met'})`);
    console.log(keep ? '  images kept (--keep): the next run reuses them' : '  images removed (--keep keeps them for the next run)');
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
