// The linter: parses once, runs the enabled rules, then applies configuration, pragmas and
// directives. Used as-is by the editor and by `shipshape lint`.
import { DockerfileModel, Instruction, parseDockerfile } from '../dockerfile/model';
import { ShellParser, ShellScript, scriptOf } from '../dockerfile/shell';
import { LintConfig, defaultConfig } from './config';
import { Pragmas, readPragmas } from './pragmas';
import { ShellcheckRunner, shellcheckFindings, shellcheckInputs, shellcheckMeta, shellcheckScript } from './shellcheck';
import { allRules } from './rules';
import type { BuildContextInfo, Finding, LocalImages, Rule, RuleContext, RuleMeta, Severity } from './types';

export interface LintOptions {
  config?: Partial<LintConfig>;
  buildContext?: BuildContextInfo;
  localImages?: LocalImages;
}

/** Shells whose scripts are not POSIX: shell rules do not apply to them. */
const NON_POSIX_SHELL = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i;

export class Linter {
  private readonly byId = new Map<string, RuleMeta>();
  private defaultSeverities: readonly (Severity | 'off')[] | undefined;

  constructor(private readonly shellParser: ShellParser, readonly rules: readonly Rule[] = allRules) {
    for (const rule of rules) {
      this.byId.set(rule.meta.id, rule.meta);
      for (const alias of rule.meta.aliases ?? []) if (!this.byId.has(alias)) this.byId.set(alias, rule.meta);
    }
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

  /** lint(), plus ShellCheck's findings on RUN scripts through `runner` (config and pragmas apply to SC codes too). */
  async lintWithShellcheck(text: string, options: LintOptions, runner: ShellcheckRunner): Promise<Finding[]> {
    const run = this.runRules(text, options);
    const inputs = shellcheckInputs(run.model, run.pragmas.shell);
    if (inputs.length) {
      const scripts = inputs.map(shellcheckScript);
      const comments = await runner(scripts);
      inputs.forEach((input, i) => {
        for (const f of shellcheckFindings(input, scripts[i]!, comments[i] ?? [])) {
          const severity = this.severityOf(shellcheckMeta(f.code, f.level), run.config, run.pragmas);
          if (severity !== 'off') run.findings.push({ code: f.code, aliases: [], severity, message: f.message, range: f.range, fixes: f.fixes, source: 'shellcheck' });
        }
      });
    }
    return this.finish(run.findings, run.config, run.pragmas);
  }

  private runRules(text: string, options: LintOptions): { model: DockerfileModel; config: LintConfig; pragmas: Pragmas; findings: Finding[] } {
    const config: LintConfig = { ...defaultConfig(), ...options.config };
    const model = parseDockerfile(text);
    const pragmas = readPragmas(model);
    const findings: Finding[] = [];
    const shells = new Map<Instruction, ShellScript | null>();
    const shellOf = (instruction: Instruction) => {
      if (!shells.has(instruction)) shells.set(instruction, this.parseShell(model, instruction, pragmas));
      return shells.get(instruction)!;
    };
    const settings = { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels };
    const severities = this.severities(config, pragmas);
    // One context for all rules; `report` files findings under the rule that is running.
    let current: Rule = this.rules[0]!;
    let severity: Severity = 'error';
    const ctx: RuleContext = {
      model,
      settings,
      buildContext: options.buildContext,
      localImages: options.localImages,
      shell: shellOf,
      report: (r) =>
        findings.push({ code: current.meta.id, aliases: current.meta.aliases ?? [], severity, message: r.message, range: r.range, fixes: r.fixes ?? [], source: current.meta.source }),
    };
    for (let i = 0; i < this.rules.length; i++) {
      const level = severities[i]!;
      if (level === 'off') continue;
      current = this.rules[i]!;
      severity = level;
      try {
        current.check(ctx);
      } catch (error) {
        // A rule bug must not hide the other findings; it is reported where people look.
        findings.push({
          code: current.meta.id,
          aliases: [],
          severity: 'error',
          message: `internal error in rule ${current.meta.id}: ${error instanceof Error ? error.message : String(error)} (please report this with the Dockerfile)`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          fixes: [],
          source: current.meta.source,
        });
      }
    }
    return { model, config, pragmas, findings };
  }

  private finish(findings: Finding[], config: LintConfig, pragmas: Pragmas): Finding[] {
    return this.suppress(findings, config, pragmas).sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
    );
  }

  private parseShell(model: DockerfileModel, instruction: Instruction, pragmas: Pragmas): ShellScript | null {
    if (pragmas.shell && NON_POSIX_SHELL.test(pragmas.shell)) return null;
    const stage = instruction.stage;
    if (stage) {
      // The last SHELL before this instruction in its stage decides which shell runs it.
      const shellInstruction = stage.instructions.filter((i) => i.keyword === 'SHELL' && i.index < instruction.index).pop();
      const program = shellInstruction?.json?.[0];
      if (program && NON_POSIX_SHELL.test(program)) return null;
    }
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
    if (meta.source === 'buildkit' && (pragmas.check.skip === 'all' || named(pragmas.check.skip))) return 'off';
    const overridden = (['error', 'warning', 'info', 'style'] as const).find((s) => named(config.override[s]));
    if (meta.experimental && !overridden && !(pragmas.check.experimental === 'all' || named(pragmas.check.experimental))) return 'off';
    if (meta.offByDefault && !meta.experimental && !overridden) return 'off';
    if (overridden) return overridden;
    if (meta.source === 'buildkit' && pragmas.check.error) return 'error';
    return meta.severity;
  }

  /** Drops findings silenced by `# hadolint ignore=` on the instruction they belong to. */
  private suppress(findings: Finding[], config: LintConfig, pragmas: Pragmas): Finding[] {
    if (config.disableIgnorePragma || pragmas.ignores.length === 0) return findings;
    return findings.filter((f) => {
      const line = f.range.start.line;
      return !pragmas.ignores.some(
        (p) => p.target && line >= p.target.start && line <= p.target.end && (p.ids.includes(f.code) || f.aliases.some((a) => p.ids.includes(a))),
      );
    });
  }
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  const order: Severity[] = ['error', 'warning', 'info', 'style'];
  return order.find((s) => findings.some((f) => f.severity === s));
}
