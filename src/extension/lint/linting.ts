// Lints Dockerfile-like documents on open and on change (debounced) and keeps the findings of
// each document's latest version, which the diagnostics, code actions and hovers all read.
import path from 'node:path';
import * as vscode from 'vscode';
import { loadBuildContext } from '../../core/lint/build-context';
import { LintConfig, mergeConfig } from '../../core/lint/config';
import { Linter } from '../../core/lint/engine';
import { ConfigError, findHadolintConfig, loadHadolintConfig } from '../../core/lint/hadolint-config';
import type { BuildContextInfo, Finding, Severity } from '../../core/lint/types';
import { readConfig } from '../config';
import type { ImagePlatforms } from '../../docker/images';
import { findShellcheck, shellcheckRunner } from '../../process/shellcheck';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  // Hints never reach the Problems panel; style findings should.
  style: vscode.DiagnosticSeverity.Information,
};

export function isDockerfileDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'dockerfile';
}

export function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class DockerfileLinting implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('shipshape');
  /** Problems in .hadolint.yaml files, shown in those files. */
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('shipshape-config');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidLint = this.changed.event;
  private linter: Promise<Linter> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  // What a lint reads from disk, kept until one of those files or a setting changes (not per keystroke).
  private readonly fileConfigs = new Map<string, Partial<LintConfig>>();
  private readonly buildContexts = new Map<string, BuildContextInfo | undefined>();
  private shellcheck: { setting: string; binary: string | undefined } | undefined;

  constructor(
    private readonly wasmDir: string,
    private readonly output: vscode.LogOutputChannel,
    /** Local image platforms for InvalidBaseImagePlatform, when a daemon is connected. */
    private readonly images: () => ImagePlatforms | undefined = () => undefined,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (/\.hadolint\.ya?ml$/.test(d.fileName) || /\.dockerignore$/.test(d.fileName)) this.relintAll();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.relintAll()), watcher.onDidChange(() => this.relintAll()), watcher.onDidDelete(() => this.relintAll()));
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The linter, created on first use (loading tree-sitter takes a moment). */
  getLinter(): Promise<Linter> {
    this.linter ??= Linter.create({ wasmDir: this.wasmDir });
    return this.linter;
  }

  findingsFor(document: vscode.TextDocument): Finding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.findings : [];
  }

  /** Forgets what was read from disk (configs, .dockerignore, the shellcheck path) and lints every open Dockerfile again. */
  relintAll(): void {
    this.fileConfigs.clear();
    this.buildContexts.clear();
    this.shellcheck = undefined;
    this.lintOpenDocuments();
  }

  private lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay = readConfig().lint.debounceMs): void {
    if (!isDockerfileDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.lintNow(document), delay));
  }

  /** Lints a document now and publishes its diagnostics. */
  async lintNow(document: vscode.TextDocument): Promise<Finding[]> {
    const key = document.uri.toString();
    this.timers.delete(key);
    const settings = readConfig().lint;
    if (!settings.enable || document.isClosed) {
      this.forget(document.uri);
      return [];
    }
    const linter = await this.getLinter();
    const version = document.version;
    const config = this.configFor(document, settings.severities);
    const buildContext = this.buildContextFor(document);
    const images = this.images();
    const options = { config, buildContext, localImages: images?.localImages };
    let findings: Finding[];
    try {
      const shellcheck = this.shellcheckFor(settings.shellcheckPath);
      findings = shellcheck
        ? await linter.lintWithShellcheck(document.getText(), options, shellcheckRunner(shellcheck))
        : linter.lint(document.getText(), options);
    } catch (error) {
      this.output.error(`linting ${document.uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return [];
    }
    if (document.version !== version) return findings; // a newer edit is already scheduled
    this.findings.set(key, { version, findings });
    this.diagnostics.set(document.uri, findings.map((f) => this.toDiagnostic(f, linter)));
    this.changed.fire(document.uri);
    // Base images the check asked about and the daemon has not been asked for yet: look up, then lint
    // again every open Dockerfile (lints run concurrently, so the references may be another document's).
    if (images) {
      images.lookupWanted().then(
        (learned) => learned && this.lintOpenDocuments(),
        (error: unknown) => this.output.warn(`looking up base images: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return findings;
  }

  private toDiagnostic(f: Finding, linter: Linter): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
    const docs = linter.meta(f.code)?.docs;
    d.code = docs ? { value: f.code, target: vscode.Uri.parse(docs) } : f.code;
    d.source = f.source === 'hadolint' || f.source === 'buildkit' ? `shipshape (${f.source})` : 'shipshape';
    return d;
  }

  private buildContextFor(document: vscode.TextDocument): BuildContextInfo | undefined {
    if (document.uri.scheme !== 'file') return undefined;
    const file = document.uri.fsPath;
    if (!this.buildContexts.has(file)) this.buildContexts.set(file, loadBuildContext(file));
    return this.buildContexts.get(file);
  }

  private shellcheckFor(setting: string): string | undefined {
    if (this.shellcheck?.setting !== setting) this.shellcheck = { setting, binary: findShellcheck(setting) };
    return this.shellcheck.binary;
  }

  /** .hadolint.yaml from the document's folder upward, then the editor's severities. */
  private configFor(document: vscode.TextDocument, severities: Record<string, Severity | 'off'>): LintConfig {
    const dir = document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!dir) return mergeConfig({ severities });
    let fileConfig = this.fileConfigs.get(dir);
    if (!fileConfig) {
      fileConfig = this.readFileConfig(dir);
      this.fileConfigs.set(dir, fileConfig);
    }
    return mergeConfig(fileConfig, { severities });
  }

  /** Reads the config that applies in `dir`; a broken one is shown in that file and linting goes on with the defaults. */
  private readFileConfig(dir: string): Partial<LintConfig> {
    let fileConfig: Partial<LintConfig> = {};
    const found = findHadolintConfig(dir);
    if (found) {
      const uri = vscode.Uri.file(found);
      try {
        fileConfig = loadHadolintConfig(found);
        this.configDiagnostics.delete(uri);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // Shown where the mistake is; linting goes on with the defaults.
        this.configDiagnostics.set(
          uri,
          error.problems.map((p) => {
            const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, p.column - 1, p.line - 1, p.column + 200), `${p.message} (${p.hint})`, vscode.DiagnosticSeverity.Error);
            d.source = 'shipshape';
            return d;
          }),
        );
        this.output.warn(error.message);
      }
    }
    return fileConfig;
  }

  private forget(uri: vscode.Uri): void {
    this.findings.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.configDiagnostics.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
