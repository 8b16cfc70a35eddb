// `npm test`: typecheck, unit tests (test/core), the corpus group (test/corpus: the external corpus of
// real Dockerfiles, when it is there; required when CI is set), daemon tests (test/docker, test/cli,
// against the real daemon that scripts/docker-up brings up), the grammar group (test/grammar: our TextMate
// grammar's annotated fixtures and the corpus tokenized) and extension-host tests (a real VS Code).
// Ends with one line "N passed, N failed". `npm test -- core docker` runs only those groups.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureContainersView, docker, startDemoContainers } from './screenshot.mjs';
import { printResults, runExtensionTests } from './test-extension.mjs';
import { aptEnsure, ensureVSCodeServerFiles } from './vscode-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const groups = ['core', 'corpus', 'grammar', 'docker', 'extension', 'package'];
const wanted = process.argv.slice(2).filter((a) => groups.includes(a));
const selected = wanted.length ? wanted : groups;
const totals = { passed: 0, failed: 0, pending: 0 };
const broken = [];

function step(title, cmd, args, options = {}) {
  console.log(`\n== ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function mocha(group, patterns) {
  const summary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-mocha-')), 'summary.json');
  const ok = step(`${group} tests`, process.execPath, [
    path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--reporter', path.join(root, 'scripts', 'mocha-summary-reporter.cjs'),
    '--timeout', '30000', '--exit', ...patterns,
  ], { env: { ...process.env, SHIPSHAPE_SUMMARY: summary } });
  if (!fs.existsSync(summary)) {
    broken.push(`${group}: mocha did not finish (exit status ${ok ? 0 : 'non-zero'})`);
    return;
  }
  const counts = JSON.parse(fs.readFileSync(summary, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.pending += counts.pending;
  if (counts.passed + counts.failed === 0) broken.push(`${group}: no test ran`);
}

const inCi = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI);

/** The external corpus, where test/support/corpus.ts (the one resolver, compiled by tsc above) says it is. */
function corpusGroup() {
  const { corpusLocation, corpusMissing } = createRequire(import.meta.url)(path.join(root, 'out', 'test', 'support', 'corpus.js'));
  const location = corpusLocation();
  if (location.present) return mocha('corpus', ['out/test/corpus/**/*.test.js']);
  console.log(`\n== corpus tests\n  not run: ${corpusMissing(location)}`);
  if (inCi) corpusRequired = `corpus: required in CI: ${corpusMissing(location)}`;
}
let corpusRequired; // reported at the end: a missing corpus does not stop the other groups

/**
 * Our grammar (syntaxes/dockerfile.tmLanguage.json) against its annotated fixtures with vscode-tmgrammar-test, one test per fixture, and
 * the corpus tokenized (test/grammar, when the corpus is there). VS Code's built-in shell grammar, which ours
 * embeds, comes from the VS Code server, installed here when missing.
 */
function grammarGroup() {
  ensureVSCodeServerFiles();
  const { grammarFiles } = createRequire(import.meta.url)(path.join(root, 'out', 'test', 'support', 'grammars.js'));
  const files = grammarFiles();
  const fixtureDir = path.join(root, 'test', 'grammar', 'fixtures');
  const fixtures = fs.existsSync(fixtureDir) ? fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.dockerfile')).map((f) => path.join(fixtureDir, f)) : [];
  console.log(`\n== grammar fixtures (vscode-tmgrammar-test, ${path.relative(root, files.ours)})`);
  if (fixtures.length === 0) {
    broken.push(`grammar: no fixture (*.dockerfile) in ${path.relative(root, fixtureDir)}`);
  } else {
    const tool = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    // Fixture paths as globs: the tool expands its arguments; ours are literal names without glob characters.
    const run = spawnSync(process.execPath, [tool, '-g', files.ours, '-g', files.builtinShell, ...fixtures.map((f) => path.relative(root, f))], {
      cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' },
    });
    process.stdout.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    const ok = new Set([...(run.stdout ?? '').matchAll(/^\S+ (.+?) run successfuly\.$/gm)].map((m) => path.resolve(root, m[1])));
    const passed = fixtures.filter((f) => ok.has(f)).length;
    totals.passed += passed;
    totals.failed += fixtures.length - passed;
    if (run.status !== 0 && passed === fixtures.length) broken.push(`grammar: vscode-tmgrammar-test exited with ${run.error ?? run.status} though every fixture passed`);
  }
  const { corpusLocation, corpusMissing } = createRequire(import.meta.url)(path.join(root, 'out', 'test', 'support', 'corpus.js'));
  const location = corpusLocation();
  if (location.present) return mocha('grammar', ['out/test/grammar/**/*.test.js']);
  console.log(`\n== grammar corpus test\n  not run: ${corpusMissing(location)}`);
  if (inCi) corpusRequired = `grammar: the corpus is required in CI: ${corpusMissing(location)}`;
  mocha('grammar', ['out/test/grammar/harness.test.js']);
}

if (!step('typecheck and compile tests (tsc)', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'])) broken.push('typecheck failed');
if (!step('bundle (esbuild)', process.execPath, [path.join(root, 'scripts', 'build.mjs')])) broken.push('build failed');

if (broken.length === 0) {
  // ShellCheck is optional for users, but its integration is tested against the real binary.
  try {
    if (!fs.existsSync('/usr/bin/shellcheck') && fs.existsSync('/etc/debian_version')) aptEnsure(['shellcheck']);
    // The course's daemon-api lab talks to the Engine API's socket with curl, as a student does.
    if (!fs.existsSync('/usr/bin/curl') && fs.existsSync('/etc/debian_version')) aptEnsure(['curl']);
  } catch (error) {
    broken.push(`test tools (shellcheck, curl): ${error.message}`);
  }
  if (selected.includes('core')) mocha('core', ['out/test/core/**/*.test.js', 'out/test/extension/unit/**/*.test.js']); // unit: extension modules free of vscode
  if (selected.includes('corpus')) corpusGroup();
  if (selected.includes('grammar')) {
    try {
      grammarGroup();
    } catch (error) {
      broken.push(`grammar: ${error.message}`);
    }
  }
  if (selected.some((g) => g !== 'core' && g !== 'corpus' && g !== 'grammar')) {
    // Tests never start daemons ad hoc; this script brings up the one they share, or says why not.
    if (!step('Docker daemon (scripts/docker-up)', 'bash', [path.join(root, 'scripts', 'docker-up')])) broken.push('no Docker daemon: see the docker-up error above');
  }
  if (selected.includes('docker') && !broken.length) mocha('docker', ['out/test/docker/**/*.test.js', 'out/test/cli/**/*.test.js', 'out/test/process/**/*.test.js']);
  if (selected.includes('extension') && !broken.some((b) => b.startsWith('no Docker'))) {
    console.log('\n== extension tests');
    try {
      const results = await runExtensionTests();
      printResults(results);
      totals.passed += results.passed;
      totals.failed += results.failed;
      totals.pending += results.pending;
      if (results.fatal) broken.push('extension: the test run broke');
      if (results.passed + results.failed === 0) broken.push('extension: no test ran');
    } catch (error) {
      broken.push(`extension: ${error.message}`);
    }
  }
}

if (selected.includes('package') && !broken.length) {
  // The .vsix a user installs: packaged, installed with --install-extension, and seen working.
  const title = 'the packaged .vsix installs into the VS Code server and its Containers view lists the daemon\'s containers';
  console.log('\n== package tests');
  const packaged = step('npm run package', 'npm', ['run', 'package', '--silent']);
  const suffix = `t${process.pid}`;
  let names = [];
  try {
    if (!packaged) throw new Error('npm run package failed');
    names = startDemoContainers(suffix);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-shot-')), 'containers-view.png');
    await captureContainersView({ vsix: path.join(root, 'shipshape.vsix'), out, expect: names });
    console.log(`  ✓ ${title} (screenshot: ${out})`);
    totals.passed++;
  } catch (error) {
    console.log(`  ✗ ${title}\n      ${String(error.stack ?? error).split('\n').join('\n      ')}`);
    totals.failed++;
  } finally {
    if (names.length) docker('rm', '-f', ...names);
  }
}

if (corpusRequired) broken.push(corpusRequired);
for (const b of broken) console.log(`error: ${b}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
process.exitCode = totals.failed > 0 || broken.length > 0 ? 1 : 0;
