// bench/parse: the cost of the Dockerfile model over a folder of Dockerfiles.
//   npx tsc -p . && node out/bench/parse.js [FOLDER] [--rounds N]     (default: ../shared/corpus/dockerfiles, 5 rounds)
// Times (a) dockerfile-ast's DockerfileParser.parse alone, (b) the model as it was built over dockerfile-ast
// (test/support/ast-model.ts) with every field of every instruction, stage, comment and directive read, and
// (c) the same with Shipshape's tokenizer (src/core/dockerfile/model.ts).
//
// Each figure is the median of 7 passes over the folder after one warm-up pass, measured in a fresh process
// so that one measurement's garbage and JIT state do not weigh on the next; the rounds interleave the
// measurements and the median round is shown. "warm" is the median of passes 20 to 40 of the same process,
// once the JIT has compiled everything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../src/core/dockerfile/model';
import { parseWithDockerfileAst } from '../test/support/ast-model';
import { dockerfileFolder, median, readDockerfiles } from './support';

const MEASURE = '--measure';
const WARM_FROM = 20;
const WARM_TO = 40;

let sink = 0; // keeps the reads from being optimised away

function readInstruction(i: Instruction): void {
  sink += i.keyword.length + i.keywordText.length + i.keywordRange.end.character + i.range.end.line;
  sink += i.args.length + i.headerArgs.length + i.headerEndLine + i.argsText.length + i.rawArgsText.length;
  sink += (i.argsRange ? 1 : 0) + i.flags.length + (i.json ? 1 : 0) + (i.looksLikeJson ? 1 : 0);
  sink += i.properties.length + i.heredocs.length + (i.stage ? 1 : 0) + (i.onbuildParent ? 1 : 0);
  if (i.trigger) readInstruction(i.trigger);
}

function readModel(m: DockerfileModel): void {
  for (const i of m.instructions) readInstruction(i);
  for (const s of m.stages) {
    sink += (s.image?.raw.length ?? 0) + (s.image?.name?.length ?? 0) + (s.name?.length ?? 0) + (s.platform ? 1 : 0) + (s.parent ? 1 : 0);
  }
  sink += m.comments.length + m.directives.length + m.globalArgs.length + m.lines.length + m.escapeChar.length;
}

const MEASUREMENTS: Record<string, { label: string; run: (text: string) => void }> = {
  ast: { label: '(a) dockerfile-ast DockerfileParser.parse only', run: (t) => void DockerfileParser.parse(t) },
  oracle: { label: '(b) model over dockerfile-ast, every field read', run: (t) => readModel(parseWithDockerfileAst(t)) },
  ours: { label: '(c) Shipshape tokenizer model, every field read', run: (t) => readModel(parseDockerfile(t)) },
  oursParse: { label: '    Shipshape tokenizer model, parse only (fields unread)', run: (t) => void parseDockerfile(t) },
};

/** In a child process: one warm-up pass, then passes up to WARM_TO; prints the two medians as JSON. */
function measure(name: string, folder: string): void {
  const files = readDockerfiles(folder).map((d) => d.text);
  const run = MEASUREMENTS[name]!.run;
  const times: number[] = [];
  for (let pass = 0; pass <= WARM_TO; pass++) {
    const t = process.hrtime.bigint();
    for (const text of files) run(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(JSON.stringify({ ms: median(times.slice(1, 8)), warmMs: median(times.slice(WARM_FROM, WARM_TO + 1)), sink }));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === MEASURE) return measure(args[1]!, args[2]!);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
  const positional = args.filter((a, k) => a !== '--rounds' && (roundsAt < 0 || k !== roundsAt + 1));
  const folder = dockerfileFolder(positional[0]);
  const files = readDockerfiles(folder).map((d) => d.text);
  const results: Record<string, { ms: number[]; warmMs: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(MEASUREMENTS)) {
      const child = spawnSync(process.execPath, [__filename, MEASURE, name, folder], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench/parse: measuring ${name} failed:\n${child.stderr}`);
      const { ms, warmMs } = JSON.parse(child.stdout) as { ms: number; warmMs: number };
      (results[name] ??= { ms: [], warmMs: [] }).ms.push(ms);
      results[name]!.warmMs.push(warmMs);
    }
  }
  const figure = (name: string, key: 'ms' | 'warmMs') => median(results[name]![key]);
  const lines = files.reduce((n, t) => n + t.split('\n').length, 0);
  console.log(`bench/parse over ${files.length} Dockerfiles (${lines} lines) in ${path.relative(process.cwd(), folder) || folder}`);
  console.log(`each: median of 7 passes after a warm-up pass, in a fresh process; median of ${rounds} rounds (warm: passes ${WARM_FROM}-${WARM_TO})`);
  for (const [name, { label }] of Object.entries(MEASUREMENTS)) {
    const ms = figure(name, 'ms');
    const warm = figure(name, 'warmMs');
    console.log(
      `${label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms ${(ms / figure('ast', 'ms')).toFixed(2).padStart(6)}x (a)` +
        `   warm ${warm.toFixed(1).padStart(6)} ms ${(warm / figure('ast', 'warmMs')).toFixed(2).padStart(6)}x (a)`,
    );
  }
  console.log(`  (c) / (a) = ${(figure('ours', 'ms') / figure('ast', 'ms')).toFixed(2)}x (goal <= 0.25x), warm ${(figure('ours', 'warmMs') / figure('ast', 'warmMs')).toFixed(2)}x`);
}

main();
