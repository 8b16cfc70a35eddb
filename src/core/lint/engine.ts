// The linter: parses once, runs the enabled rules, then applies configuration, pragmas and
// directives. Used as-is by the editor and by `shipshape lint`.
import { DockerfileModel, Instruction, Range, parseDockerfile } from '../dockerfile/model';
import { everyInstruction } from './define';
import { ShellParser, ShellScript, scriptOf } from '../dockerfile/shell';
import { parentStage } from '../dockerfile/variables';
import { LintConfig, defaultConfig } from './config';
import { Pragmas, readPragmas } from './pragmas';
import { ShellcheckRunner, shellcheckFindings, shellcheckInputs, shellcheckMeta, shellcheckScript } from './shellcheck';
import { allRules } from './rules';
import { SEVERITIES, SEVERITY_RANK, type BuildContextInfo, type Finding, type LocalImages, type Report, type Rule, type RuleContext, type RuleMeta, type Severity } from './types';

export interface LintOptions {
  config?: Partial<LintConfig>;
  buildContext?: BuildContextInfo;
  localImages?: LocalImages;
}

/** Shells whose scripts are not POSIX: shell rules do not apply to them. */
const NON_POSIX_SHELL = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;

/** How many instructions' per-instruction findings (and parsed shells) a linter remembers. */
const CACHE_ENTRIES = 20_000;

/** Adds to a cache that forgets its oldest entry when full. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

interface CachedFindings {
  /** The line the instruction started on when the findings were computed. */
  line: number;
  reports: { rule: number; report: Report }[];
}

interface ShellChoice {
  /** What decides the shell: the `# hadolint shell=` pragma, and the whole text of the last SHELL before the instruction in its stage (a `-o pipefail` matters to rules). */
  key: string;
  /** Neither names a non-POSIX shell: shell rules apply. */
  posix: boolean;
}

/** The shell of each instruction (ONBUILD triggers share their ONBUILD's); a stage built FROM an earlier one starts with its SHELL. */
function shellsOf(model: DockerfileModel, pragmas: Pragmas): Map<Instruction, ShellChoice> {
  const out = new Map<Instruction, ShellChoice>();
  const pragmaPosix = !(pragmas.shell && NON_POSIX_SHELL.test(pragmas.shell));
  const initial: ShellChoice = { key: `${pragmas.shell ?? ''}\0`, posix: pragmaPosix };
  // The shell in effect at the end of each stage, by index.
  const atEnd: ShellChoice[] = [];
  let current = initial;
  for (const instruction of model.instructions) {
    if (instruction.keyword === 'FROM' && instruction.stage) {
      const parent = parentStage(model, instruction.stage);
      current = (parent && atEnd[parent.index]) || initial;
    }
    if (instruction.stage) atEnd[instruction.stage.index] = current;
    out.set(instruction, current);
    if (instruction.trigger) out.set(instruction.trigger, current);
    if (instruction.keyword === 'SHELL') {
      const program = instruction.json?.[0];
      current = { key: `${pragmas.shell ?? ''}\0${instruction.argsText}`, posix: pragmaPosix && !(program && NON_POSIX_SHELL.test(program)) };
      if (instruction.stage) atEnd[instruction.stage.index] = current;
    }
  }
  return out;
}

/** The whole lines a range covers, as written. */
function linesOf(model: DockerfileModel, range: Range): string {
  if (range.start.line === range.end.line) return model.lines[range.start.line] ?? '';
  return model.lines.slice(range.start.line, range.end.line + 1).join('\n');
}

function shift(range: Range, delta: number): Range {
  if (delta === 0) return range;
  return { start: { line: range.start.line + delta, character: range.start.character }, end: { line: range.end.line + delta, character: range.end.character } };
}

/** A rule bug must not hide the other findings: it becomes one, reported where people look. */
function internalError(meta: RuleMeta, error: unknown): Finding {
  return {
    code: meta.id,
    aliases: [],
    severity: 'error',
    message: `internal error in rule ${meta.id}: ${error instanceof Error ? error.message : String(error)} (please report this with the Dockerfile)`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [],
    source: meta.source,
  };
}

/** A rule's report as a finding: the report's own aliases when it gives them, else the rule's. */
function findingOf(meta: RuleMeta, severity: Severity, r: Report): Finding {
  const finding: Finding = { code: meta.id, aliases: r.aliases ?? meta.aliases ?? [], severity, message: r.message, range: r.range, fixes: r.fixes ?? [], source: meta.source };
  if (r.related?.length) finding.related = r.related;
  return finding;
}

/** The BuildKit check names a finding goes by: a BuildKit rule's id and aliases, a hadolint finding's BuildKit aliases. */
function checkNames(f: Finding): string[] {
  if (f.source === 'buildkit') return [f.code, ...f.aliases];
  return f.source === 'hadolint' ? f.aliases : [];
}

/** The lines a finding is about: its own and its related instructions' (a comment above any of them silences it). */
function findingLines(f: Finding): number[] {
  return f.related ? [f.range.start.line, ...f.related.map((r) => r.range.start.line)] : [f.range.start.line];
}

export class Linter {
  private readonly byId = new Map<string, RuleMeta>();
  private defaultSeverities: readonly (Severity | 'off')[] | undefined;
  /** Indexes of the per-instruction rules, by the keyword they check. */
  private readonly localRules = new Map<string, number[]>();
  /** Findings of per-instruction rules by rule settings, then by instruction (see keyOf in runRules), oldest first. */
  private readonly localCaches = new Map<string, Map<string, CachedFindings>>();
  /** Parsed shell scripts by instruction and start line. */
  private readonly shellCache = new Map<string, ShellScript | null>();

  constructor(private readonly shellParser: ShellParser, readonly rules: readonly Rule[] = allRules) {
    rules.forEach((rule, index) => {
      this.byId.set(rule.meta.id, rule.meta);
      for (const alias of rule.meta.aliases ?? []) if (!this.byId.has(alias)) this.byId.set(alias, rule.meta);
      for (const keyword of rule.perInstruction?.keywords ?? []) {
        const list = this.localRules.get(keyword);
        if (list) list.push(index);
        else this.localRules.set(keyword, [index]);
      }
    });
  }

  static async create(options: { wasmDir?: string; rules?: readonly Rule[] } = {}): Promise<Linter> {
    return new Linter(await ShellParser.create(options.wasmDir), options.rules);
  }

  /** A linter running other rules, sharing this one's (slow to load) shell parser and its cache. */
  withRules(rules: readonly Rule[]): Linter {
    return new Linter(this.shellParser, rules);
  }

  /** Metadata of a rule by id or alias. */
  meta(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }

  lint(text: string, options: LintOptions = {}): Finding[] {
    const run = this.runRules(text, options);
    return this.finish(run.findings, run.config, run.pragmas);
  }

  /**
   * lint(), plus ShellCheck's findings on RUN scripts through `runner` (config and pragmas apply to SC codes too).
   * A script ShellCheck could not check costs only its own findings: the first such failure is returned.
   */
  async lintWithShellcheck(text: string, options: LintOptions, runner: ShellcheckRunner): Promise<{ findings: Finding[]; shellcheckFailure: string | undefined }> {
    const run = this.runRules(text, options);
    const inputs = shellcheckInputs(run.model, run.pragmas.shell);
    let shellcheckFailure: string | undefined;
    if (inputs.length) {
      const scripts = inputs.map(shellcheckScript);
      const results = await runner(scripts);
      inputs.forEach((input, i) => {
        const result = results[i];
        if (!result) return;
        if ('failure' in result) {
          shellcheckFailure ??= result.failure;
          return;
        }
        for (const f of shellcheckFindings(input, scripts[i]!, result.comments)) {
          const severity = this.severityOf(shellcheckMeta(f.code, f.level), run.config, run.pragmas);
          if (severity !== 'off') run.findings.push({ code: f.code, aliases: [], severity, message: f.message, range: f.range, fixes: f.fixes, source: 'shellcheck' });
        }
      });
    }
    return { findings: this.finish(run.findings, run.config, run.pragmas), shellcheckFailure };
  }

  private runRules(text: string, options: LintOptions): { model: DockerfileModel; config: LintConfig; pragmas: Pragmas; findings: Finding[] } {
    const config: LintConfig = { ...defaultConfig(), ...options.config };
    const model = parseDockerfile(text);
    const pragmas = readPragmas(model);
    const findings: Finding[] = [];
    const shellChoices = shellsOf(model, pragmas);
    // What an instruction's per-instruction findings and shell depend on, besides the settings (see Rule.perInstruction).
    const keys = new Map<Instruction, string>();
    const keyOf = (instruction: Instruction) => {
      let key = keys.get(instruction);
      if (key === undefined) {
        const start = instruction.range.start;
        key = `${model.escapeChar}\0${shellChoices.get(instruction)!.key}\0${instruction.onbuildParent ? 'T' : ''}${start.character}\0${linesOf(model, instruction.range)}`;
        keys.set(instruction, key);
      }
      return key;
    };
    const shells = new Map<Instruction, ShellScript | null>();
    const shellOf = (instruction: Instruction) => {
      let script = shells.get(instruction);
      if (script !== undefined) return script;
      // Scripts keep Dockerfile positions: one remembered from an earlier lint serves only at the same line.
      const key = `${instruction.range.start.line}\0${keyOf(instruction)}`;
      script = this.shellCache.get(key);
      if (script === undefined) {
        script = this.parseShell(model, instruction, shellChoices.get(instruction)!);
        remember(this.shellCache, key, script);
      }
      shells.set(instruction, script);
      return script;
    };
    const settings = { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels };
    const severities = this.severities(config, pragmas);
    // One context for all rules; `report` files findings under the rule that is running.
    let current: Rule = this.rules[0]!;
    let report: (r: Report) => void = () => {};
    const ctx: RuleContext = {
      model,
      settings,
      buildContext: options.buildContext,
      localImages: options.localImages,
      shell: shellOf,
      report: (r) => report(r),
    };
    // Rules that look at one instruction at a time: their findings come from the cache when the instruction,
    // where it starts and what it depends on are unchanged (an edit re-checks only what it touched).
    const settingsKey = JSON.stringify(settings);
    let localCache = this.localCaches.get(settingsKey);
    if (!localCache) {
      if (this.localCaches.size >= 8) this.localCaches.clear();
      this.localCaches.set(settingsKey, (localCache = new Map()));
    }
    for (const instruction of everyInstruction(model)) {
      const local = this.localRules.get(instruction.keyword);
      if (!local) continue;
      const start = instruction.range.start;
      const key = keyOf(instruction);
      let entry = localCache.get(key);
      if (!entry) {
        const computed: CachedFindings = { line: start.line, reports: [] };
        let ok = true;
        let index = 0;
        report = (r) => computed.reports.push({ rule: index, report: r });
        for (index of local) {
          current = this.rules[index]!;
          try {
            current.perInstruction!.check(instruction, ctx);
          } catch (error) {
            findings.push(internalError(current.meta, error));
            ok = false; // a crash is reported once, not remembered
          }
        }
        if (ok) remember(localCache, key, computed);
        entry = computed;
      }
      const delta = start.line - entry.line;
      for (const { rule, report: r } of entry.reports) {
        const severity = severities[rule]!;
        if (severity === 'off') continue;
        const meta = this.rules[rule]!.meta;
        findings.push({
          ...findingOf(meta, severity, r),
          range: shift(r.range, delta),
          fixes: delta === 0 ? (r.fixes ?? []) : (r.fixes ?? []).map((f) => ({ title: f.title, edits: f.edits.map((e) => ({ range: shift(e.range, delta), newText: e.newText })) })),
          ...(r.related && delta !== 0 ? { related: r.related.map((x) => ({ range: shift(x.range, delta), message: x.message })) } : {}),
        });
      }
    }

    // The other rules see the whole file.
    for (let i = 0; i < this.rules.length; i++) {
      const severity = severities[i]!;
      if (severity === 'off' || this.rules[i]!.perInstruction) continue;
      current = this.rules[i]!;
      const meta = current.meta;
      report = (r) => findings.push(findingOf(meta, severity, r));
      try {
        current.check(ctx);
      } catch (error) {
        findings.push(internalError(current.meta, error));
      }
    }
    return { model, config, pragmas, findings };
  }

  private finish(findings: Finding[], config: LintConfig, pragmas: Pragmas): Finding[] {
    return this.mergeSameFindings(this.suppress(findings, config, pragmas)).sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
    );
  }

  private parseShell(model: DockerfileModel, instruction: Instruction, shell: ShellChoice): ShellScript | null {
    if (!shell.posix) return null; // shell rules do not apply to PowerShell or cmd scripts
    const script = scriptOf(model, instruction);
    return script ? this.shellParser.parse(script) : null;
  }

  /** Each rule's severity (or 'off') under a config and a file's pragmas; the common case of neither saying anything is computed once. */
  private severities(config: LintConfig, pragmas: Pragmas): readonly (Severity | 'off')[] {
    const plain =
      config.ignored.length === 0 &&
      Object.keys(config.severities).length === 0 &&
      Object.values(config.override).every((ids) => !ids || ids.length === 0) &&
      pragmas.globalIgnores.length === 0 &&
      pragmas.check.skip.length === 0 &&
      !pragmas.check.error &&
      pragmas.check.experimental.length === 0;
    if (plain) return (this.defaultSeverities ??= this.rules.map((r) => this.severityOf(r.meta, config, pragmas)));
    return this.rules.map((r) => this.severityOf(r.meta, config, pragmas));
  }

  /** The severity a rule reports at, or 'off'. */
  private severityOf(meta: RuleMeta, config: LintConfig, pragmas: Pragmas): Severity | 'off' {
    const ids = [meta.id, ...(meta.aliases ?? [])];
    const named = (list: readonly string[] | undefined) => !!list && ids.some((id) => list.includes(id));
    const setting = ids.map((id) => config.severities[id]).find((s) => s !== undefined);
    if (setting) return setting;
    if (named(config.ignored) || named(pragmas.globalIgnores)) return 'off';
    // As BuildKit, skip= does not apply to experimental checks: only experimental= turns them on or not.
    if (meta.source === 'buildkit' && !meta.experimental && (pragmas.check.skip === 'all' || named(pragmas.check.skip))) return 'off';
    const overridden = SEVERITIES.find((s) => named(config.override[s]));
    if (meta.experimental && !overridden && !(pragmas.check.experimental === 'all' || named(pragmas.check.experimental))) return 'off';
    if (meta.offByDefault && !meta.experimental && !overridden) return 'off';
    if (overridden) return overridden;
    if (meta.source === 'buildkit' && pragmas.check.error) return 'error';
    return meta.severity;
  }

  /** Findings of two rules for the same problem at the same range (RuleMeta.sameFindingAs), after each was silenced by its own names, shown once. */
  private mergeSameFindings(findings: Finding[]): Finding[] {
    if (!findings.some((f) => this.byId.get(f.code)?.sameFindingAs)) return findings;
    const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
    const absorbed = new Set<Finding>();
    const merged = new Map<Finding, Finding>();
    for (const f of findings) {
      const other = this.byId.get(f.code)?.sameFindingAs;
      const twin = other && findings.find((g) => g.code === other && !absorbed.has(g) && at(g) === at(f));
      if (!twin) continue;
      absorbed.add(twin);
      merged.set(f, { ...f, aliases: [...f.aliases, other], severity: SEVERITY_RANK[twin.severity] > SEVERITY_RANK[f.severity] ? twin.severity : f.severity });
    }
    return findings.filter((f) => !absorbed.has(f)).map((f) => merged.get(f) ?? f);
  }

  /**
   * Drops findings silenced by `# hadolint ignore=` on the instruction they belong to, by a BuildKit check comment
   * above it (`# check=skip=`), or by the top `# check=skip=` naming a BuildKit alias of a hadolint finding.
   */
  private suppress(findings: Finding[], config: LintConfig, pragmas: Pragmas): Finding[] {
    const ignores = config.disableIgnorePragma ? [] : pragmas.ignores;
    const top = pragmas.check.skip;
    if (ignores.length === 0 && pragmas.checkComments.length === 0 && top !== 'all' && top.length === 0) return findings;
    const covers = (target: { start: number; end: number } | null, f: Finding) => !!target && findingLines(f).some((line) => line >= target.start && line <= target.end);
    return findings.filter((f) => {
      if (ignores.some((p) => covers(p.target, f) && (p.ids.includes(f.code) || f.aliases.some((a) => p.ids.includes(a))))) return false;
      const names = checkNames(f);
      if (names.length === 0 || this.byId.get(f.code)?.experimental) return true;
      const skipped = (skip: string[] | 'all') => skip === 'all' || names.some((n) => skip.includes(n));
      if (f.source !== 'buildkit' && skipped(top)) return false;
      if (this.byId.get(f.code)?.fileLevelCheck) return true;
      return !pragmas.checkComments.some((c) => covers(c.target, f) && skipped(c.skip));
    });
  }
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITIES.find((s) => findings.some((f) => f.severity === s));
}
