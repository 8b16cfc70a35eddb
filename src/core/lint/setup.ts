// One lint setup for the editor and the CLI: finds and merges `.hadolint.yaml` with the caller's
// overrides, loads the build context's .dockerignore, chooses ShellCheck and lints. Files are read
// through the host it is given, so this stays pure; what it reads is kept until invalidate().
import path from 'node:path';
import { parseDockerfile } from '../dockerfile/model';
import { buildContextFromDockerignore, findDockerignore } from './build-context';
import { LintConfig, Threshold, mergeConfig } from './config';
import type { Linter } from './engine';
import { ConfigProblem, findHadolintConfig, readHadolintConfig, unreadable } from './hadolint-config';
import { pragmaIds } from './pragma-ids';
import { readPragmas } from './pragmas';
import { RuleIds, UNKNOWN_RULE_ID } from './rule-ids';
import type { ShellcheckRunner } from './shellcheck';
import { BuildContextInfo, Finding, LocalImages, SEVERITIES, Severity } from './types';

/** What the setup needs from the machine. */
export interface LintHost {
  exists(file: string): boolean;
  /** A file's text; throws when it cannot be read. */
  read(file: string): string;
  /** Where hadolint's per-user configs are looked for. */
  home: string;
  xdgConfigHome?: string;
  /** The ShellCheck runner for a setting ('' looks on PATH, 'off' disables, else a path), or undefined when there is none. */
  shellcheck(setting: string): ShellcheckRunner | undefined;
}

/** What the person asked for on top of the config files (CLI flags, editor settings). */
export interface LintOverrides {
  /** This config file instead of the one found from the Dockerfile's folder upward (absolute). */
  configFile?: string;
  ignore?: string[];
  trustedRegistries?: string[];
  failureThreshold?: Threshold;
  noFail?: boolean;
  /** Editor settings: per-rule severity or 'off', applied last. */
  severities?: Record<string, Severity | 'off'>;
  /** The build context's root, for .dockerignore (absolute, or chosen per Dockerfile); default: the Dockerfile's folder. */
  buildContextDir?: string | ((dockerfile: string) => string | undefined);
  /** '' (the default) looks on PATH, 'off' disables, else a path to the binary. */
  shellcheck?: string;
}

export interface LintOutcome {
  findings: Finding[];
  /** Why ShellCheck gave no findings when it was to run (it failed or timed out); the other rules' findings are all there. */
  shellcheckFailure: string | undefined;
}

/** Everything that applies to one Dockerfile. */
export interface DockerfileSetup {
  config: LintConfig;
  /** The .hadolint.yaml in use, if any. */
  configFile: string | undefined;
  /** Problems in the config file and the build context, in file order; with an error in a file its settings are not used. */
  problems: ConfigProblem[];
  buildContext: BuildContextInfo | undefined;
  lint(text: string, extra?: { localImages?: LocalImages }): Promise<LintOutcome>;
}

interface ReadConfig {
  config: Partial<LintConfig>;
  problems: ConfigProblem[];
}

export class LintSetup {
  readonly ids: RuleIds;
  /** Unknown ids among the overrides' `ignore`, with a hint each (the CLI prints them). */
  readonly warnings: string[];
  private readonly configs = new Map<string, ReadConfig>();
  private readonly found = new Map<string, string | undefined>();
  private readonly contexts = new Map<string, { info: BuildContextInfo | undefined; problem: ConfigProblem | undefined }>();
  private readonly setups = new Map<string, DockerfileSetup>();
  private runner: { value: ShellcheckRunner | undefined } | undefined;

  constructor(
    private readonly linter: Linter,
    private readonly host: LintHost,
    private readonly overrides: LintOverrides = {},
  ) {
    this.ids = RuleIds.of(linter.rules);
    this.warnings = (overrides.ignore ?? []).filter((id) => !this.ids.isKnown(id)).map((id) => `unknown rule id "${id}": ${this.ids.hint(id)}`);
  }

  /** The ShellCheck chosen by the overrides, or undefined when none is to run (or none was found). */
  get shellcheck(): ShellcheckRunner | undefined {
    this.runner ??= { value: this.overrides.shellcheck === 'off' ? undefined : this.host.shellcheck(this.overrides.shellcheck ?? '') };
    return this.runner.value;
  }

  /** Forgets what was read (configs, .dockerignore files, the ShellCheck lookup). */
  invalidate(): void {
    this.configs.clear();
    this.found.clear();
    this.contexts.clear();
    this.setups.clear();
    this.runner = undefined;
  }

  /**
   * The setup of a Dockerfile at `file`; without a file (standard input, an unsaved editor), configs are
   * looked for from `dir`, and without either only the overrides apply.
   */
  forDockerfile(file: string | undefined, dir = file === undefined ? undefined : path.dirname(file)): DockerfileSetup {
    const key = `${file ?? ''}\0${dir ?? ''}`;
    let setup = this.setups.get(key);
    if (!setup) this.setups.set(key, (setup = this.compute(file, dir)));
    return setup;
  }

  private compute(file: string | undefined, dir: string | undefined): DockerfileSetup {
    const configFile = this.overrides.configFile ?? (dir === undefined ? undefined : this.findConfig(dir));
    const read = configFile === undefined ? { config: {}, problems: [] } : this.readConfig(configFile);
    const o = this.overrides;
    const config = mergeConfig(read.config, {
      ...(o.ignore ? { ignored: o.ignore } : {}),
      ...(o.trustedRegistries ? { trustedRegistries: o.trustedRegistries } : {}),
      ...(o.failureThreshold ? { failureThreshold: o.failureThreshold } : {}),
      ...(o.noFail ? { noFail: true } : {}),
      ...(o.severities ? { severities: o.severities } : {}),
    });
    const contextDir = file === undefined ? undefined : typeof o.buildContextDir === 'function' ? o.buildContextDir(file) : o.buildContextDir;
    const context = file === undefined ? { info: undefined, problem: undefined } : this.buildContext(file, contextDir ?? path.dirname(file));
    const problems = context.problem ? [...read.problems, context.problem] : read.problems;
    return { config, configFile, problems, buildContext: context.info, lint: (text, extra) => this.lint(text, config, context.info, extra?.localImages) };
  }

  private findConfig(dir: string): string | undefined {
    if (!this.found.has(dir)) this.found.set(dir, findHadolintConfig(dir, { home: this.host.home, xdgConfigHome: this.host.xdgConfigHome }, (f) => this.host.exists(f)));
    return this.found.get(dir);
  }

  private readConfig(file: string): ReadConfig {
    let read = this.configs.get(file);
    if (!read) {
      let text: string | undefined;
      try {
        text = this.host.read(file);
      } catch (error) {
        read = { config: {}, problems: [unreadable(file, error)] };
      }
      if (text !== undefined) read = readHadolintConfig(text, file, this.ids);
      this.configs.set(file, read!);
    }
    return read!;
  }

  private buildContext(file: string, contextDir: string): { info: BuildContextInfo | undefined; problem: ConfigProblem | undefined } {
    const dockerignore = findDockerignore(file, contextDir, (c) => this.host.exists(c));
    if (!dockerignore) return { info: undefined, problem: undefined };
    let context = this.contexts.get(dockerignore);
    if (!context) {
      try {
        context = { info: buildContextFromDockerignore(this.host.read(dockerignore), dockerignore), problem: undefined };
      } catch (error) {
        context = { info: undefined, problem: unreadable(dockerignore, error) };
      }
      this.contexts.set(dockerignore, context);
    }
    return context;
  }

  private async lint(text: string, config: LintConfig, buildContext: BuildContextInfo | undefined, localImages: LocalImages | undefined): Promise<LintOutcome> {
    const options = { config, buildContext, localImages };
    const runner = this.shellcheck;
    let findings: Finding[];
    let shellcheckFailure: string | undefined;
    if (!runner) findings = this.linter.lint(text, options);
    else {
      // A ShellCheck that fails must not take the other rules' findings with it.
      const guarded: ShellcheckRunner = (scripts) => runner(scripts).catch((error: unknown) => scripts.map(() => ({ failure: error instanceof Error ? error.message : String(error) })));
      ({ findings, shellcheckFailure } = await this.linter.lintWithShellcheck(text, options, guarded));
    }
    const unknown = this.unknownPragmaIds(text, config);
    if (unknown.length) {
      findings.push(...unknown);
      findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
    }
    return { findings, shellcheckFailure };
  }

  /** An unknown id in a pragma silences nothing: say so on the id, with the nearest known one. */
  private unknownPragmaIds(text: string, config: LintConfig): Finding[] {
    if (!/hadolint|check\s*=/i.test(text)) return []; // no pragma: spare the second parse
    const model = parseDockerfile(text);
    const severity = severityOfUnknownRuleId(config, readPragmas(model).globalIgnores);
    if (severity === 'off') return [];
    return pragmaIds(model)
      .filter((p) => !this.ids.isKnown(p.id))
      .map((p) => ({
        code: UNKNOWN_RULE_ID,
        aliases: [],
        severity,
        message: `Unknown rule id "${p.id}" in \`# ${p.pragma}\`: it silences nothing (${this.ids.hint(p.id)})`,
        range: p.range,
        fixes: [],
        source: 'syntax' as const,
      }));
  }
}

/** UnknownRuleId is no rule file but is configured like one: ignored (in the config or a global pragma), overridden or set in the severities. */
function severityOfUnknownRuleId(config: LintConfig, globalIgnores: string[]): Severity | 'off' {
  const setting = config.severities[UNKNOWN_RULE_ID];
  if (setting) return setting;
  if (config.ignored.includes(UNKNOWN_RULE_ID) || globalIgnores.includes(UNKNOWN_RULE_ID)) return 'off';
  return SEVERITIES.find((s) => config.override[s]?.includes(UNKNOWN_RULE_ID)) ?? 'warning';
}
