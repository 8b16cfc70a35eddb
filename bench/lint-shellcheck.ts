// bench/lint's ShellCheck rows: the whole corpus with ShellCheck and without it, in the same run, on the CLI's path
// (whole processes, as CI runs `shipshape lint`) and the editor's (in process: each file re-linted after a one-line
// edit, answers of earlier lints kept), and the editor's keystroke on a 1,000-line Dockerfile with ShellCheck on.
import type { Linter } from '../src/core/lint/engine';
import { LintSetup } from '../src/core/lint/setup';
import { nodeLintHost } from '../src/process/lint-host';
import { findShellcheck, shellcheckVersion } from '../src/process/shellcheck';
import { bigDockerfile, edited, median, nodeWall } from './support';

const CLI_GOAL = 3;
const KEYSTROKE_GOAL_MS = 20;

async function time(run: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function shellcheckRows(linter: Linter, cli: string, folder: string, paths: string[], files: string[]): Promise<void> {
  const binary = findShellcheck('');
  if (!binary) {
    console.log('ShellCheck rows: skipped, no shellcheck on PATH (Debian: apt-get install shellcheck)');
    return;
  }
  const version = await shellcheckVersion(binary, 20_000);
  // CLI: whole processes, the default --jobs, each pair run back to back; ratio pair by pair, then the median.
  const rounds = 7;
  const withSc: number[] = [];
  const without: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 1 + rounds; round++) {
    const a = nodeWall([cli, 'lint', '--no-fail', ...paths]);
    const b = nodeWall([cli, 'lint', '--no-fail', '--no-shellcheck', ...paths]);
    if (round === 0) continue; // warm-up: the files, the bundle and shellcheck into the page cache
    withSc.push(a);
    without.push(b);
    ratios.push(a / b);
  }
  const cliRatio = median(ratios);
  console.log(`ShellCheck ${version} (${binary}), over the ${paths.length} files:`);
  console.log(`  CLI, whole process (medians of ${rounds} rounds): with ShellCheck ${median(withSc).toFixed(0)} ms, --no-shellcheck ${median(without).toFixed(0)} ms = ${cliRatio.toFixed(2)}x (goal <= ${CLI_GOAL}x: ${cliRatio <= CLI_GOAL ? 'met' : 'NOT met'})`);

  // Editor: one setup per side, kept across passes as the extension keeps it; each pass re-lints every file, one
  // at a time, after a one-line edit (a RUN whose line was edited is checked again, the others are answered from before).
  const on = new LintSetup(linter, nodeLintHost(), { shellcheck: binary });
  const off = new LintSetup(linter, nodeLintHost(), { shellcheck: 'off' });
  const pass = (setup: LintSetup, n: number) => async () => {
    for (let i = 0; i < files.length; i++) await setup.forDockerfile(`${folder}/${i}/Dockerfile`).lint(edited(files[i]!, n));
  };
  await pass(on, 0)();
  await pass(off, 0)();
  const editorOn: number[] = [];
  const editorOff: number[] = [];
  for (let round = 1; round <= 5; round++) {
    editorOn.push(await time(pass(on, round)));
    editorOff.push(await time(pass(off, round)));
  }
  const editorRatio = median(editorOn) / median(editorOff);
  console.log(`  editor, every file after a one-line edit (medians of 5): with ShellCheck ${median(editorOn).toFixed(0)} ms, without ${median(editorOff).toFixed(0)} ms = ${editorRatio.toFixed(2)}x`);

  // The keystroke: a 1,000-line Dockerfile (250 RUNs) linted once, then edited in one RUN line, or in one ENV line.
  const big = bigDockerfile();
  const setup = on.forDockerfile(`${folder}/big/Dockerfile`);
  await setup.lint(big);
  const keystroke = async (change: (i: number) => string) => {
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const text = change(i);
      times.push(await time(() => setup.lint(text)));
    }
    return median(times);
  };
  const inRun = await keystroke((i) => big.replace('pkg400 \\', `pkg400-edit${i} \\`));
  const inEnv = await keystroke((i) => big.replace('ENV VAR_402=value402\n', `ENV VAR_402=value402-${i}\n`));
  const met = Math.max(inRun, inEnv) <= KEYSTROKE_GOAL_MS ? 'met' : 'NOT met';
  console.log(`  editor re-lint of a 1,000-line Dockerfile with ShellCheck on, after a one-line edit: in a RUN (that RUN re-checked) ${inRun.toFixed(1)} ms, in an ENV line ${inEnv.toFixed(1)} ms (medians of 21; goal <= ${KEYSTROKE_GOAL_MS} ms: ${met})`);
}
