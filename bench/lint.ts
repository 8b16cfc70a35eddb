// bench/lint: Shipshape's full lint against its baselines, in one process and one run.
//   npm run bench:lint [-- FOLDER]     (default: ../shared/corpus/dockerfiles)
// Prints ms and files/s for: dockerfile-ast parse only, dockerfile-utils validate (what
// Microsoft's extension runs), Shipshape's full lint; a re-lint after a one-line edit of a
// 1,000-line Dockerfile; and the CLI's cold start on one file against bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { Linter } from '../src/core/lint/engine';

const root = path.resolve(__dirname, '..', '..');
const folder = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'corpus', 'dockerfiles'));
const files = fs.readdirSync(folder).filter((f) => f !== 'LICENSE' && fs.statSync(path.join(folder, f)).isFile()).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `rounds` passes over every file, after one warm-up pass. */
function timePasses(rounds: number, pass: () => void): number {
  pass();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    pass();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

async function main(): Promise<void> {
  const linter = await Linter.create();
  const rounds = 7;
  let findings = 0;
  const astMs = timePasses(rounds, () => files.forEach((t) => DockerfileParser.parse(t)));
  const utilsMs = timePasses(rounds, () => files.forEach((t) => validate(t)));
  // A fresh linter per pass would re-load tree-sitter; clearing nothing is the editor's steady state, so
  // the cold pass (empty shell cache) is measured separately below.
  const fullMs = timePasses(rounds, () => {
    findings = 0;
    for (const t of files) findings += linter.lint(t).length;
  });
  const fresh = await Linter.create();
  const freshStart = process.hrtime.bigint();
  for (const t of files) fresh.lint(t);
  const coldMs = Number(process.hrtime.bigint() - freshStart) / 1e6;

  const row = (name: string, ms: number) => `${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  ${((files.length / ms) * 1000).toFixed(0).padStart(7)} files/s`;
  console.log(`bench/lint over ${files.length} Dockerfiles in ${path.relative(process.cwd(), folder) || folder} (${linter.rules.length} rules; median of ${rounds} passes after a warm-up)`);
  console.log(row('dockerfile-ast parse only (baseline)', astMs));
  console.log(row('dockerfile-utils validate (baseline)', utilsMs));
  console.log(row('shipshape full lint (warm shell cache)', fullMs));
  console.log(row('shipshape full lint (cold: new shell cache)', coldMs));
  console.log(`  findings: ${findings}`);
  console.log(`  ratio full lint / dockerfile-utils validate: ${(fullMs / utilsMs).toFixed(2)}x warm, ${(coldMs / utilsMs).toFixed(2)}x cold (goal <= 0.8x)`);
  console.log(`  ratio full lint / dockerfile-ast parse:      ${(fullMs / astMs).toFixed(2)}x warm, ${(coldMs / astMs).toFixed(2)}x cold`);

  // Re-lint after a one-line edit of a 1,000-line Dockerfile (the editor's keystroke case).
  const lines: string[] = ['FROM debian:12'];
  for (let i = 0; lines.length < 1000; i++) {
    lines.push(i % 4 === 0 ? `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} \\` : i % 4 === 1 ? `    other${i} && rm -rf /var/lib/apt/lists/*` : i % 4 === 2 ? `ENV VAR_${i}=value${i}` : `COPY file${i} /opt/file${i}`);
  }
  const big = lines.join('\n') + '\n';
  linter.lint(big);
  const edits: number[] = [];
  for (let i = 0; i < 21; i++) {
    const edited = big.replace(`pkg${400 - (400 % 4)} \\`, `pkg${400 - (400 % 4)}-edit${i} \\`);
    const t = process.hrtime.bigint();
    linter.lint(edited);
    edits.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`re-lint of a 1,000-line Dockerfile after a one-line edit: ${median(edits).toFixed(2)} ms median of ${edits.length} (goal <= 10 ms)`);

  // CLI cold start on one file vs bare node.
  const cli = path.join(root, 'dist', 'cli.js');
  if (fs.existsSync(cli)) {
    const one = path.join(folder, fs.readdirSync(folder).find((f) => f !== 'LICENSE')!);
    const wall = (args: string[]) => {
      const ts: number[] = [];
      for (let i = 0; i < 9; i++) {
        const t = process.hrtime.bigint();
        spawnSync(process.execPath, args, { stdio: 'ignore' });
        ts.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return median(ts);
    };
    const bare = wall(['-e', '0']);
    const lint = wall([cli, 'lint', '--no-fail', one]);
    console.log(`CLI cold start: shipshape lint on one file ${lint.toFixed(0)} ms vs node -e 0 ${bare.toFixed(0)} ms = ${(lint / bare).toFixed(2)}x (goal <= 3x)`);
  } else {
    console.log('CLI cold start: skipped, dist/cli.js missing (run npm run build first)');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
