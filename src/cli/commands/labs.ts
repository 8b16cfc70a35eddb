// `shipshape labs list|validate|check|test|grade|reset PATH`: lab packs for instructors and CI.
// Everything here is the same code the editor runs: the loader, the runner, the self-test, grading
// and ownership; this file only chooses what to run and prints it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { CHECK_KIND_BY_NAME } from '../../core/labs/checks';
import { resultLines } from '../../core/labs/describe';
import { gradeClassroom, gradeJson, gradeJunit, gradePack } from '../../core/labs/grade';
import { formatProblem, loadPack } from '../../core/labs/load';
import type { Pack } from '../../core/labs/pack';
import { preflight } from '../../core/labs/preflight';
import { LabRunner, type StepState } from '../../core/labs/runner';
import { selfTest } from '../../core/labs/self-test';
import { createDockerClient, type DockerClient } from '../../docker/client';
import { ownershipOnDocker } from '../../docker/lab-cleanup';
import { prepareImages } from '../../docker/lab-images';
import { daemonFacts } from '../../docker/lab-preflight';
import { daemonForLabs } from '../../docker/labs';
import { ProcessActionRunner } from '../../process/actions';
import { createCheckContext } from '../../process/lab-io';
import { CliIO, EXIT, UsageError, daemonOptions, defineCommand, type OptionSpecs, type OptionValues } from '../io';

const ACTIONS = ['list', 'validate', 'check', 'test', 'grade', 'reset'] as const;
type LabsAction = (typeof ACTIONS)[number];
const FORMATS: Record<LabsAction, readonly string[]> = {
  list: ['tty', 'json'],
  validate: ['tty', 'json'],
  check: ['tty', 'json'],
  test: ['tty', 'json'],
  grade: ['json', 'junit', 'github-classroom'],
  reset: ['tty', 'json'],
};

/** Temporary folders (an unpacked archive, the self-test's workspace), removed when the command ends. */
const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};

async function loadOrReport(where: string, io: CliIO): Promise<Pack | undefined> {
  const { pack, problems } = await loadPack(where, { unpackDir: /\.(zip|tgz|tar\.gz)$/i.test(where) ? tempDir('shipshape-pack-') : undefined });
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
  return pack;
}

/** The quiz answers a grade is given: a YAML or JSON map of `lab/step/index` to the answer. */
function readAnswers(file: string | undefined): (checkId: string) => string | undefined {
  if (!file) return () => undefined;
  let data: unknown;
  try {
    data = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--answers ${file}: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--answers ${file}: expected a mapping of lab/step/index to the answer`);
  const map = data as Record<string, unknown>;
  return (id) => (map[id] === undefined ? undefined : String(map[id]));
}

interface Run {
  pack: Pack;
  client: DockerClient;
  workspace: string;
  trusted: boolean;
  answers: (checkId: string) => string | undefined;
}

function environmentOf(run: Run) {
  return createCheckContext({
    daemon: daemonForLabs(() => run.client),
    packRoot: run.pack.root,
    workspace: run.workspace,
    checkId: '',
    answers: run.answers,
    wasmDir: __dirname,
    dockerHost: run.client.endpoint.host,
    env: { ...process.env, SHIPSHAPE_WORKSPACE: run.workspace },
  });
}

/** Runs the chosen steps' checks (locked or not: CI judges everything) and returns each step's state. */
async function checkSteps(run: Run, lab: string | undefined, step: string | undefined): Promise<{ runner: LabRunner; states: { lab: string; step: string; title: string; state: StepState }[] }> {
  const runner = new LabRunner({ pack: run.pack, environment: environmentOf(run), trusted: run.trusted });
  for (const [id, answer] of quizAnswers(run)) runner.answer(id, answer);
  const states: { lab: string; step: string; title: string; state: StepState }[] = [];
  for (const l of run.pack.labs) {
    if (lab !== undefined && l.id !== lab) continue;
    for (const s of l.steps) {
      if (step !== undefined && s.id !== step) continue;
      states.push({ lab: l.id, step: s.id, title: s.title, state: await runner.check(l.id, s.id, { ignoreNeeds: true }) });
    }
  }
  return { runner, states };
}

function* quizAnswers(run: Run): Generator<[string, string]> {
  for (const l of run.pack.labs)
    for (const s of l.steps)
      for (const [i, c] of s.checks.entries()) {
        const id = `${l.id}/${s.id}/${i}`;
        const answer = c.kind === 'quiz' ? run.answers(id) : undefined;
        if (answer !== undefined) yield [id, answer];
      }
}

function requireKnown(pack: Pack, lab: string | undefined, step: string | undefined): void {
  const l = lab === undefined ? undefined : pack.labs.find((x) => x.id === lab);
  if (lab !== undefined && !l) throw new UsageError(`--lab ${lab}: the pack has no such lab (it has ${pack.labs.map((x) => x.id).join(', ')})`);
  if (step !== undefined && !(l ? [l] : pack.labs).some((x) => x.steps.some((s) => s.id === step)))
    throw new UsageError(`--step ${step}: ${l ? `lab ${l.id}` : 'the pack'} has no such step`);
}

const LABS_OPTIONS = {
  lab: { type: 'string', value: 'ID', help: 'only this lab' },
  step: { type: 'string', value: 'ID', help: 'only this step (check)' },
  format: { type: 'string', short: 'f', value: 'FORMAT', help: 'tty or json; for grade: json (default), junit, github-classroom' },
  workspace: { type: 'string', value: 'DIR', help: 'the student\'s folder (Dockerfiles the checks read); default: the current folder, a fresh one for test' },
  answers: { type: 'string', value: 'FILE', help: 'quiz answers for check and grade: YAML or JSON, lab/step/index: answer' },
  trust: { type: 'boolean', help: 'let check and grade run the pack\'s script checks (test always runs the pack\'s commands)' },
  'no-prepare': { type: 'boolean', help: 'do not build or pull the pack\'s images first (check, test)' },
  ...daemonOptions,
} as const satisfies OptionSpecs;
type LabsValues = OptionValues<typeof LABS_OPTIONS>;

export const labs = defineCommand({
  name: 'labs',
  summary: 'lab packs: list, validate, check against the daemon, self-test, grade, reset',
  operands: 'ACTION PATH',
  notes: [
    'ACTION is one of:',
    '  list      the labs and steps of the pack, with their points',
    '  validate  everything the loader checks: file:line:col problems, exit 1 when there is one',
    '  check     run the checks against the daemon now (exit 1 when one fails or errors)',
    '  test      the pack\'s self-test: per step its setup, every check fails, its solve, every check passes, its',
    '            cleanup; then nothing the pack owns is left. Runs the pack\'s commands: only for packs you trust',
    '  grade     points per check and totals, as JSON, JUnit or GitHub Classroom\'s autograding result',
    '  reset     remove what the pack owns (its declared names and prefixes, and its label) from the daemon',
    'PATH is a pack folder, its shipshape-pack.yaml, or a .zip / .tar.gz of one.',
  ],
  options: LABS_OPTIONS,

  examples: [
    'shipshape labs validate ./my-pack',
    'shipshape labs test ./my-pack --format json',
    'shipshape labs grade ./my-pack --format github-classroom --answers answers.yaml',
  ],
  exitCodes: '0 ok, 1 a problem in the pack / a failed check / a failed self-test, 2 a usage error or Docker not reachable.',
  async run(values, operands, io) {
    try {
      return await runLabs(values, operands, io);
    } finally {
      while (temporary.length) fs.rmSync(temporary.pop()!, { recursive: true, force: true });
    }
  },
});

async function runLabs(values: LabsValues, operands: string[], io: CliIO): Promise<number> {
  const [action, where, ...extra] = operands;
  if (!action || !(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`name an action: ${ACTIONS.join(', ')}${action ? ` (got "${action}")` : ''}`);
  if (!where) throw new UsageError(`labs ${action}: name the pack (a folder, its shipshape-pack.yaml, or an archive)`);
  if (extra.length) throw new UsageError(`labs ${action} takes one pack (got "${extra[0]}" too)`);
  const verb = action as LabsAction;
  const format = values.format ?? FORMATS[verb][0]!;
  if (!FORMATS[verb].includes(format)) throw new UsageError(`labs ${verb}: --format ${format} is not one of ${FORMATS[verb].join(', ')}`);
  if (!fs.existsSync(where)) throw new UsageError(`${where}: no such file or folder`);
  const pack = await loadOrReport(where, io);
  if (!pack) {
    if (verb === 'validate' && format === 'json') io.out(JSON.stringify({ valid: false }) + '\n');
    return EXIT.failed;
  }
  requireKnown(pack, values.lab, values.step);
  if (verb === 'validate') {
    io.out(format === 'json' ? JSON.stringify({ valid: true, pack: pack.id, version: pack.version, contentHash: pack.contentHash }) + '\n' : `${where}: ${pack.id} ${pack.version} is valid (${pack.labs.length} labs, ${pack.labs.reduce((n, l) => n + l.steps.length, 0)} steps)\n`);
    return EXIT.ok;
  }
  if (verb === 'list') return list(pack, format, io);
  const client = createDockerClient({ env: io.env, host: values.host, context: values.context });
  if (verb === 'reset') {
    const ownership = ownershipOnDocker(() => client);
    const owned = await ownership.list(pack);
    await ownership.remove(owned);
    io.out(format === 'json' ? JSON.stringify(owned, null, 2) + '\n' : owned.length ? owned.map((o) => `removed ${o.kind} ${o.name} (${o.because})\n`).join('') : 'nothing of the pack was left\n');
    return EXIT.ok;
  }
  // Requirements the daemon does not meet are said first: the checks then fail or error for that reason.
  for (const item of preflight(pack, await daemonFacts(client), [])) if (!item.ok) io.err(`warning: ${item.what}: ${item.detail}\n`);
  if (!values['no-prepare']) await prepareImages(client, pack, { onLine: (line) => io.err(`  ${line}\n`) });
  const workspace = path.resolve(values.workspace ?? (verb === 'test' ? tempDir('shipshape-workspace-') : '.'));
  const run: Run = { pack, client, workspace, trusted: verb === 'test' || values.trust === true, answers: readAnswers(values.answers) };
  if (verb === 'test') return test(run, values.lab, format, io);
  const { states } = await checkSteps(run, values.lab, values.step);
  if (verb === 'grade') {
    const grade = gradePack(pack, (l, s) => states.find((x) => x.lab === l && x.step === s)?.state ?? { status: 'ready', results: [], hintsShown: 0, solved: false });
    io.out(format === 'junit' ? gradeJunit(grade) : format === 'github-classroom' ? JSON.stringify(gradeClassroom(grade), null, 2) + '\n' : gradeJson(grade));
    return EXIT.ok;
  }
  if (format === 'json') io.out(JSON.stringify(states.map((s) => ({ lab: s.lab, step: s.step, status: s.state.status, results: s.state.results })), null, 2) + '\n');
  else for (const s of states) io.out([`${s.lab}/${s.step} ${s.title}: ${s.state.status}`, ...s.state.results.flatMap((r) => (r ? resultLines(r).map((l) => `  ${l}`) : []))].join('\n') + '\n');
  return states.every((s) => s.state.status === 'passed') ? EXIT.ok : EXIT.failed;
}

function list(pack: Pack, format: string, io: CliIO): number {
  if (format === 'json') {
    io.out(JSON.stringify({ pack: pack.id, version: pack.version, title: pack.title, labs: pack.labs.map((l) => ({ id: l.id, title: l.title, steps: l.steps.map((s) => ({ id: s.id, title: s.title, points: s.points, checks: s.checks.length, needs: s.needs })) })) }, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`${pack.title} (${pack.id} ${pack.version})`];
  for (const l of pack.labs) {
    lines.push(`  ${l.id}: ${l.title}`);
    for (const s of l.steps) lines.push(`    ${s.id}: ${s.title} · ${s.points} points · ${s.checks.length} check${s.checks.length === 1 ? '' : 's'}${s.needs.length ? ` · needs ${s.needs.join(', ')}` : ''}`);
  }
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

async function test(run: Run, lab: string | undefined, format: string, io: CliIO): Promise<number> {
  const actions = new ProcessActionRunner({
    trusted: true,
    cwd: run.pack.root,
    endpoint: run.client.endpoint,
    env: { ...process.env, SHIPSHAPE_WORKSPACE: run.workspace },
    onLine: (line) => format === 'tty' && io.err(`    | ${line}\n`),
  });
  const report = await selfTest(run.pack, {
    actions,
    ownership: ownershipOnDocker(() => run.client),
    environment: environmentOf(run),
    kinds: CHECK_KIND_BY_NAME,
    ...(lab !== undefined ? { lab } : {}),
    onStep: (l, s) => format === 'tty' && io.out(`${s.message === 'ok' ? '✓' : '✗'} ${l.id}/${s.id} (${s.ms} ms)${s.message === 'ok' ? '' : `: ${s.message}`}\n`),
  });
  if (format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
  else {
    for (const left of report.leftovers) io.out(`✗ cleanup left ${left} (removed now)\n`);
    io.out(`${report.passed ? 'passed' : 'FAILED'}: ${report.pack} ${report.version} in ${(report.ms / 1000).toFixed(1)} s\n`);
  }
  return report.passed ? EXIT.ok : EXIT.failed;
}
