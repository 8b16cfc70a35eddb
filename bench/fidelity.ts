// bench/fidelity: how far Shipshape's linter agrees with the two references, on the references' own tests.
//   npm run bench:fidelity -- [--hadolint DIR] [--buildkit DIR] [--json FILE]
// DIR is a checkout or a git directory (read at HEAD); the defaults are the mirrors under /work/.mirror.
// Reads hadolint's rule specs (test/Hadolint/Rule/DL*Spec.hs) and BuildKit's lint tests
// (frontend/dockerfile/dockerfile_check_test.go) in place, runs Shipshape's Linter (default configuration,
// every rule) on each case's Dockerfile and prints: cases read, compared and skipped (by reason), the
// agreement with hadolint's cases, BuildKit precision/recall/F1 with the counts per check, and every
// disagreement. Nothing of the references is kept in this repository.
import fs from 'node:fs';
import { parseDockerfile } from '../src/core/dockerfile/model';
import { Linter } from '../src/core/lint/engine';
import { buildkitCheckNames, extractBuildkitCases } from './fidelity/buildkit-checks';
import type { BuildkitCase, HadolintCase, SkippedCase } from './fidelity/case';
import { compareBuildkit, compareHadolint, rulesByDisagreement, type Disagreement } from './fidelity/compare';
import { extractHadolintCases } from './fidelity/hadolint-specs';
import { openReference } from './fidelity/reference';

const DEFAULTS = { hadolint: '/work/.mirror/hadolint+hadolint/repo', buildkit: '/work/.mirror/moby+buildkit/repo' };
const SPECS = 'test/Hadolint/Rule';
const CHECK_TEST = 'frontend/dockerfile/dockerfile_check_test.go';
const RULESET = 'frontend/dockerfile/linter/ruleset.go';
const GOALS = { hadolint: 0.97, buildkitF1: 0.95 };

function options(argv: string[]): { hadolint: string; buildkit: string; json?: string } {
  const out: { hadolint: string; buildkit: string; json?: string } = { ...DEFAULTS };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k]!;
    const value = argv[k + 1];
    if (!['--hadolint', '--buildkit', '--json'].includes(flag) || value === undefined) {
      console.error(`bench/fidelity: unknown argument ${flag}\nusage: npm run bench:fidelity -- [--hadolint DIR] [--buildkit DIR] [--json FILE]`);
      process.exit(2);
    }
    out[flag.slice(2) as 'hadolint' | 'buildkit' | 'json'] = value;
    k++;
  }
  return out;
}

function bySkipReason(skipped: readonly SkippedCase[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) out[s.reason] = (out[s.reason] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const hadolintRef = openReference(opts.hadolint);
  const buildkitRef = openReference(opts.buildkit);

  const specFiles = hadolintRef.list(SPECS).filter((f) => /\/DL\d+Spec\.hs$/.test(f)).sort();
  const hadolintCases: HadolintCase[] = [];
  const hadolintSkipped: SkippedCase[] = [];
  for (const file of specFiles) {
    const { cases, skipped } = extractHadolintCases(file, hadolintRef.read(file));
    hadolintCases.push(...cases);
    hadolintSkipped.push(...skipped);
  }
  const { cases: buildkitCases, skipped: buildkitSkipped }: { cases: BuildkitCase[]; skipped: SkippedCase[] } = extractBuildkitCases(CHECK_TEST, buildkitRef.read(CHECK_TEST));
  const names = new Set(buildkitCheckNames(buildkitRef.read(RULESET)));

  const linter = await Linter.create();
  // hadolint's specs run every rule, its off-by-default ones too (Process.run filters nothing): the case's rule is turned on.
  const enabled = new Set<string>();
  const hadolint = compareHadolint(hadolintCases, (text, code) => {
    const meta = linter.meta(code);
    if (!meta?.offByDefault) return linter.lint(text);
    enabled.add(meta.id);
    return linter.lint(text, { config: { override: { [meta.severity]: [code] } } });
  });
  const buildkit = compareBuildkit(buildkitCases, names, (text) => linter.lint(text));
  const missing = [...new Set(hadolintCases.map((c) => c.code))].filter((code) => !linter.meta(code)).sort();

  const disagreements: Disagreement[] = [...hadolint.disagreements, ...buildkit.disagreements];
  const report = {
    references: { hadolint: hadolintRef.label, buildkit: buildkitRef.label },
    hadolint: {
      specFiles: specFiles.length,
      casesRead: hadolintCases.length + hadolintSkipped.length,
      compared: hadolint.compared,
      skipped: bySkipReason(hadolintSkipped),
      agreed: hadolint.agreed,
      agreement: hadolint.agreed / Math.max(1, hadolint.compared),
      rulesTurnedOn: [...enabled].sort(),
      codesShipshapeLacks: missing,
      // hadolint's specs often lint a fragment with no FROM; a rule that only looks inside stages disagrees there.
      disagreementsWithoutFrom: hadolint.disagreements.filter((d) => parseDockerfile(d.dockerfile).stages.length === 0).length,
    },
    buildkit: {
      casesRead: buildkitCases.length + buildkitSkipped.length,
      compared: buildkit.compared,
      skipped: bySkipReason(buildkitSkipped),
      agreed: buildkit.agreed,
      tp: buildkit.tp,
      fp: buildkit.fp,
      fn: buildkit.fn,
      precision: buildkit.precision,
      recall: buildkit.recall,
      f1: buildkit.f1,
      perRule: buildkit.perRule,
    },
    rulesByDisagreement: rulesByDisagreement(disagreements),
    disagreements,
    skippedCases: [...hadolintSkipped.map((s) => ({ reference: 'hadolint', ...s })), ...buildkitSkipped.map((s) => ({ reference: 'buildkit', ...s }))],
  };

  const h = report.hadolint;
  const b = report.buildkit;
  const out: string[] = [];
  out.push(`bench/fidelity: Shipshape's linter against the references' tests`);
  out.push(`hadolint  ${h.casesRead} cases read from ${h.specFiles} specs in ${hadolintRef.label}: ${h.compared} compared, ${h.casesRead - h.compared} skipped`);
  for (const [reason, n] of Object.entries(h.skipped)) out.push(`            skipped ${String(n).padStart(4)}  ${reason}`);
  out.push(`BuildKit  ${b.casesRead} cases read from ${CHECK_TEST} in ${buildkitRef.label}: ${b.compared} compared, ${b.casesRead - b.compared} skipped`);
  for (const [reason, n] of Object.entries(b.skipped)) out.push(`            skipped ${String(n).padStart(4)}  ${reason}`);
  if (h.rulesTurnedOn.length) out.push(`hadolint rules off by default in Shipshape, turned on for their own cases: ${h.rulesTurnedOn.join(', ')}`);
  if (missing.length) out.push(`hadolint codes with cases that Shipshape has no rule for: ${missing.join(', ')}`);
  out.push('');
  out.push(`hadolint agreement  ${h.agreed}/${h.compared} = ${percent(h.agreement)}   (goal ≥ ${percent(GOALS.hadolint)})`);
  out.push(`                    ${h.disagreementsWithoutFrom} of the ${h.compared - h.agreed} disagreements are on a Dockerfile without FROM`);
  out.push(`BuildKit checks     precision ${b.precision.toFixed(3)}, recall ${b.recall.toFixed(3)}, F1 ${percent(b.f1)}   (goal F1 ≥ ${percent(GOALS.buildkitF1)})`);
  out.push(`                    TP ${b.tp}, FP ${b.fp}, FN ${b.fn}; ${b.agreed}/${b.compared} cases exactly as BuildKit`);
  out.push('');
  out.push('BuildKit per check          TP   FP   FN');
  for (const [rule, c] of Object.entries(b.perRule).sort((x, y) => x[0].localeCompare(y[0]))) {
    out.push(`  ${rule.padEnd(32)}${String(c.tp).padStart(3)}  ${String(c.fp).padStart(3)}  ${String(c.fn).padStart(3)}`);
  }
  out.push('');
  out.push(`Rules by disagreement: ${report.rulesByDisagreement.map((r) => `${r.rule} ${r.count}`).join(', ') || 'none'}`);
  out.push('');
  out.push(`Disagreements (${disagreements.length}):`);
  for (const d of disagreements) out.push(`  ${d.reference.padEnd(8)} ${d.rule.padEnd(30)} ${d.at}  ${d.name}\n             expected ${d.expected}, got ${d.got}`);
  console.log(out.join('\n'));
  if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench/fidelity: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
