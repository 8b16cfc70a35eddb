// bench/lint: Shipshape's full lint against its baselines, in one process and one run.
//   npm run bench:lint [-- FOLDER]     (default: ../shared/corpus/dockerfiles)
// Prints ms and files/s for: dockerfile-ast parse only, dockerfile-utils validate (what
// Microsoft's extension runs), Shipshape's full lint as the editor runs it (each file after a
// one-line edit, caches warm) and at first sight (a new linter: the CLI in CI), with the
// tree-sitter share of the latter; a re-lint after a one-line edit of a 1,000-line Dockerfile;
// the CLI's cold start on one file against bare `node -e 0`; and whole processes over all the files:
// `shipshape lint --jobs 1` and `--jobs 2`, each beside a process validating them with
// dockerfile-utils (bench/validate-files.ts), interleaved, as ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { allInstructions, parseDockerfile } from '../src/core/dockerfile/model';
import { ShellParser, loadShellParser, scriptOf } from '../src/core/dockerfile/shell';
import { Linter } from '../src/core/lint/engine';
import { shellcheckRows } from './lint-shellcheck';
import { bigDockerfile, dockerfileFolder, edited, median, nodeWall, readDockerfiles } from './support';

const root = path.resolve(__dirname, '..', '..');
const folder = dockerfileFolder(process.argv[2]);
const dockerfiles = readDockerfiles(folder);
const files = dockerfiles.map((d) => d.text);

/** Passes run before timing, so every contender is measured with its code optimised by V8 (111 rules take a while). */
const WARM_UP = 15;

/**
 * Median wall time of each pass over `rounds` rounds after the warm-up rounds. The contenders take turns within
 * every round, so a busy moment of the machine (this is a shared 2-core VM) falls on all of them alike.
 */
function timeInterleaved(rounds: number, passes: Record<string, () => void>): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
  for (let round = 0; round < WARM_UP + rounds; round++) {
    for (const [name, pass] of Object.entries(passes)) {
      const t = process.hrtime.bigint();
      pass();
      if (round >= WARM_UP) times[name]!.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

async function main(): Promise<void> {
  const linter = await Linter.create();
  const rounds = 11;
  let findings = 0;
  const parser = await loadShellParser();
  // The part of first sight no rule can avoid: tree-sitter parsing every shell script of the corpus.
  const scripts = files.flatMap((t) => {
    const model = parseDockerfile(t);
    return [...allInstructions(model)].map((i) => scriptOf(model, i)?.text).filter((x): x is string => x !== undefined);
  });
  let pass = 0;
  const measured = timeInterleaved(rounds, {
    ast: () => files.forEach((t) => DockerfileParser.parse(t)),
    utils: () => files.forEach((t) => validate(t)),
    // Editor steady state: every file was linted before and has just been edited in one line, so the shell
    // parses and per-instruction findings of the lines not touched come from the linter's caches.
    editor: () => {
      findings = 0;
      pass++;
      for (const t of files) findings += linter.lint(edited(t, pass)).length;
    },
    // First sight (the CLI in CI): a new linter, nothing cached; the tree-sitter runtime itself stays loaded.
    first: () => {
      const fresh = new Linter(new ShellParser(parser));
      for (const text of files) fresh.lint(text);
    },
    treeSitter: () => scripts.forEach((text) => parser.parse(text)?.delete()),
  });
  const { ast: astMs, utils: utilsMs, editor: editorMs, first: firstMs, treeSitter: treeSitterMs } = measured as Record<string, number>;

  const row = (name: string, ms: number) => `${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${((files.length / ms) * 1000).toFixed(0).padStart(7)} files/s`;
  console.log(`bench/lint over ${files.length} Dockerfiles in ${path.relative(process.cwd(), folder) || folder} (${linter.rules.length} rules; medians of ${rounds} interleaved rounds after ${WARM_UP} warm-up rounds)`);
  console.log(row('dockerfile-ast parse only (baseline)', astMs));
  console.log(row('dockerfile-utils validate (baseline)', utilsMs));
  console.log(row('shipshape full lint, editor (each file after a 1-line edit)', editorMs));
  console.log(row('shipshape full lint, first sight (new linter, CLI/CI)', firstMs));
  console.log(`  of which tree-sitter-bash parsing the ${scripts.length} shell scripts: ${treeSitterMs.toFixed(1)} ms (${(treeSitterMs / utilsMs).toFixed(2)}x dockerfile-utils)`);
  console.log(`  findings: ${findings}`);
  console.log(`  ratio full lint / dockerfile-utils validate: ${(editorMs / utilsMs).toFixed(2)}x editor, ${(firstMs / utilsMs).toFixed(2)}x first sight (goal <= 0.8x)`);
  console.log(`  ratio full lint / dockerfile-ast parse:      ${(editorMs / astMs).toFixed(2)}x editor, ${(firstMs / astMs).toFixed(2)}x first sight`);

  // Re-lint after a one-line edit of a 1,000-line Dockerfile (the editor's keystroke case).
  const big = bigDockerfile();
  const keystroke = (change: (i: number) => string) => {
    linter.lint(big);
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const text = change(i);
      const t = process.hrtime.bigint();
      linter.lint(text);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(times);
  };
  const inLine = keystroke((i) => big.replace('pkg400 \\', `pkg400-edit${i} \\`));
  const newLine = keystroke((i) => big.replace('ENV VAR_402=value402\n', `ENV VAR_402=value402\nENV ADDED_${i}=1\n`));
  console.log(`re-lint of a 1,000-line Dockerfile after a one-line edit: ${inLine.toFixed(2)} ms; after inserting a line (later lines shift): ${newLine.toFixed(2)} ms (medians of 21; goal <= 10 ms)`);

  // CLI cold start on one file vs bare node.
  const cli = path.join(root, 'dist', 'cli.js');
  if (fs.existsSync(cli)) {
    const one = path.join(folder, dockerfiles[0]!.name);
    // Alternating runs of the two commands, 15 each: the ratio compares like moments of the machine.
    const bareTimes: number[] = [];
    const lintTimes: number[] = [];
    const wall = (args: string[], into: number[]) => {
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, args, { stdio: 'ignore' });
      into.push(Number(process.hrtime.bigint() - t) / 1e6);
    };
    for (let i = 0; i < 15; i++) {
      wall(['-e', '0'], bareTimes);
      wall([cli, 'lint', '--no-fail', one], lintTimes);
    }
    const bare = median(bareTimes);
    const lint = median(lintTimes);
    console.log(`CLI cold start: shipshape lint on one file ${lint.toFixed(0)} ms vs node -e 0 ${bare.toFixed(0)} ms = ${(lint / bare).toFixed(2)}x (goal <= 3x)`);
    wholeProcess(cli, dockerfiles.map((d) => path.join(folder, d.name)));
    await shellcheckRows(linter, cli, folder, dockerfiles.map((d) => path.join(folder, d.name)), files);
  } else {
    console.log('CLI cold start: skipped, dist/cli.js missing (run npm run build first)');
  }
}

/**
 * Whole processes over every file, as CI runs them: `shipshape lint --jobs 1` and `--jobs 2` (a worker
 * thread beside the main one; the default on 3 cores or more, not on 2), each right after a process validating the same files with dockerfile-utils. Each ratio is taken pair by pair (the
 * two ran at nearly the same moment of the machine), then its median over the rounds. ShellCheck is left out (work
 * dockerfile-utils does not do), as in the in-process rows above; bench/lint-shellcheck.ts has its rows.
 */
function wholeProcess(cli: string, paths: string[]): void {
  const validator = path.join(__dirname, 'validate-files.js');
  const rounds = 9;
  const rows = { '--jobs 1': [] as number[], '--jobs 2': [] as number[] };
  const utils: number[] = [];
  const ratios = { '--jobs 1': [] as number[], '--jobs 2': [] as number[] };
  for (let round = 0; round < 1 + rounds; round++) {
    for (const [name, extra] of [['--jobs 1', ['--jobs', '1']], ['--jobs 2', ['--jobs', '2']]] as const) {
      const u = nodeWall([validator, ...paths]);
      const s = nodeWall([cli, 'lint', '--no-fail', '--no-shellcheck', ...extra, ...paths]);
      if (round === 0) continue; // warm-up: the files and both bundles into the page cache
      utils.push(u);
      rows[name].push(s);
      ratios[name].push(s / u);
    }
  }
  console.log(`whole process over the ${paths.length} files, --no-shellcheck (medians of ${rounds} interleaved rounds, ${os.availableParallelism()} cores): dockerfile-utils validate ${median(utils).toFixed(0)} ms`);
  for (const name of ['--jobs 1', '--jobs 2'] as const) {
    const goal = name === '--jobs 1' ? 'goal <= 0.8x' : `goal <= 0.5x on 2 cores`;
    console.log(`  shipshape lint ${name.padEnd(12)} ${median(rows[name]).toFixed(0).padStart(5)} ms = ${median(ratios[name]).toFixed(2)} x dockerfile-utils (${goal})`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
