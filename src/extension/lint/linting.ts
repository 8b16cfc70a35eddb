// Lints Dockerfile-like documents on open and on change (debounced) and keeps the findings of
// each document's latest version, which the diagnostics, code actions and hovers all read.
import path from 'node:path';
import * as vscode from 'vscode';
import { Linter } from '../../core/lint/engine';
import type { ConfigProblem } from '../../core/lint/hadolint-config';
import { DockerfileSetup, LintSetup } from '../../core/lint/setup';
import type { Finding, Severity } from '../../core/lint/types';
import { LintSettings, affectsLint, readLintSettings } from '../config';
import type { ImagePlatforms } from '../../docker/images';
import { nodeLintHost } from '../../process/lint-host';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  // Hints never reach the Problems panel; style findings should.
  style: vscode.DiagnosticSeverity.Information,
};

/** Measured figures for a lint: appended to findings' messages, and findings of Shipshape's own measurement. */
export interface MeasuredFindings {
  messages: Map<Finding, string>;
  extra: { code: string; message: string; range: Finding['range'] }[];
}

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
  /** The lint settings, read once and again when they change. */
  private settings = readLintSettings();
  /** What a lint reads from disk (configs, .dockerignore, the ShellCheck lookup), kept until one of those files or a setting changes. */
  private setup: LintSetup | undefined;
  /** ShellCheck failures already announced in a message (each is also on its Dockerfiles, as a diagnostic). */
  private readonly announced = new Set<string>();
  private readonly logged = new WeakSet<ConfigProblem>();
  /** What size-related findings cost in the Dockerfile's built image (the layers feature sets it): appended to their messages, plus measured findings of its own. */
  measure: ((document: vscode.TextDocument, findings: readonly Finding[]) => Promise<MeasuredFindings>) | undefined;

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
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsLint(e)) return;
        this.settings = readLintSettings();
        this.setup = undefined;
        this.lintOpenDocuments();
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
    this.setup?.invalidate();
    this.lintOpenDocuments();
  }

  private lintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay = this.settings.debounceMs): void {
    if (!isDockerfileDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.lintNow(document), delay));
  }

  /** Lints a document now and publishes its diagnostics. */
  async lintNow(document: vscode.TextDocument): Promise<Finding[]> {
    const key = document.uri.toString();
    this.timers.delete(key);
    const settings = this.settings;
    if (!settings.enable || document.isClosed) {
      this.forget(document.uri);
      return [];
    }
    const version = document.version;
    const images = this.images();
    let linter: Linter;
    let setup: DockerfileSetup;
    let findings: Finding[];
    let shellcheckFailure: string | undefined;
    try {
      linter = await this.getLinter();
      setup = this.setupFor(document, linter, settings);
      ({ findings, shellcheckFailure } = await setup.lint(document.getText(), { localImages: images?.localImages }));
    } catch (error) {
      this.output.error(`linting ${document.uri.fsPath} failed: ${(error as Error).stack ?? error}`);
      return [];
    }
    this.showConfigProblems(setup);
    const measured = await this.measured(document, findings);
    if (document.version !== version) return findings; // a newer edit is already scheduled
    this.findings.set(key, { version, findings });
    this.diagnostics.set(document.uri, [
      ...findings.map((f) => this.toDiagnostic(f, linter, document.uri, measured.messages.get(f))),
      ...measured.extra.map(measuredDiagnostic),
      ...setup.problems.filter((p) => p.unreadable).map(unreadableDiagnostic),
      ...(shellcheckFailure ? [this.shellcheckDiagnostic(shellcheckFailure)] : []),
    ]);
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

  /** A measurement that fails costs the findings their figures, never the findings. */
  private async measured(document: vscode.TextDocument, findings: Finding[]): Promise<MeasuredFindings> {
    try {
      return (await this.measure?.(document, findings)) ?? NOTHING_MEASURED;
    } catch (error) {
      this.output.warn(`measuring the findings of ${document.uri.fsPath} in its image: ${error instanceof Error ? error.message : String(error)}`);
      return NOTHING_MEASURED;
    }
  }

  private toDiagnostic(f: Finding, linter: Linter, uri: vscode.Uri, measured?: string): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), measured ? `${f.message} (${measured})` : f.message, SEVERITY[f.severity]);
    if (f.related?.length) d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
    const docs = linter.meta(f.code)?.docs;
    d.code = docs ? { value: f.code, target: vscode.Uri.parse(docs) } : f.code;
    d.source = f.source === 'hadolint' || f.source === 'buildkit' ? `shipshape (${f.source})` : 'shipshape';
    return d;
  }

  /** The document's setup: its folder's .hadolint.yaml (an unsaved one: the first workspace folder's) and the editor's settings. */
  private setupFor(document: vscode.TextDocument, linter: Linter, settings: LintSettings): DockerfileSetup {
    this.setup ??= new LintSetup(linter, nodeLintHost(), {
      severities: settings.severities,
      shellcheck: settings.shellcheckPath,
      buildContextDir: settings.buildContext ? (file) => buildContextDir(settings.buildContext, file) : undefined,
    });
    if (document.uri.scheme === 'file') return this.setup.forDockerfile(document.uri.fsPath);
    return this.setup.forDockerfile(undefined, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  }

  /** Mistakes in a config file are shown in that file (one that cannot be read at all, in the Dockerfile). */
  private showConfigProblems(setup: DockerfileSetup): void {
    if (!setup.configFile) return;
    const shown = setup.problems.filter((p) => p.file === setup.configFile && !p.unreadable);
    this.configDiagnostics.set(vscode.Uri.file(setup.configFile), shown.map(configDiagnostic));
    for (const p of shown) {
      if (this.logged.has(p)) continue; // the setup keeps a file's problems until it is read again
      this.logged.add(p);
      this.output.warn(`${p.file}:${p.line}:${p.column}: ${p.message} (${p.hint})`);
    }
  }

  /** On the Dockerfile, and once per distinct failure in a message and the log. */
  private shellcheckDiagnostic(failure: string): vscode.Diagnostic {
    if (!this.announced.has(failure)) {
      this.announced.add(failure);
      this.output.warn(`${failure}; ShellCheck's findings are missing, the other rules ran`);
      void vscode.window.showWarningMessage(`Shipshape: ${failure}. ShellCheck's findings are missing; the other rules ran. Check "shipshape.lint.shellcheck.path" (or set it to "off").`);
    }
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${failure}; ShellCheck's findings are missing, the other rules ran`, vscode.DiagnosticSeverity.Warning);
    d.source = 'shipshape';
    d.code = 'shellcheck';
    return d;
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

/** The buildContext setting's folder for a Dockerfile: relative to its workspace folder (or the first one). */
function buildContextDir(setting: string, dockerfile: string): string | undefined {
  if (path.isAbsolute(setting)) return setting;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dockerfile)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, setting) : undefined;
}

const NOTHING_MEASURED: MeasuredFindings = { messages: new Map(), extra: [] };

/** A measured finding of Shipshape's own (no rule sees it in the text): information, on its instruction. */
function measuredDiagnostic(m: MeasuredFindings['extra'][number]): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(m.range), m.message, vscode.DiagnosticSeverity.Information);
  d.code = m.code;
  d.source = 'shipshape';
  return d;
}

function configDiagnostic(p: ConfigProblem): vscode.Diagnostic {
  const severity = p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, p.column - 1, p.line - 1, p.column + 200), `${p.message} (${p.hint})`, severity);
  d.source = 'shipshape';
  return d;
}

/** A config or .dockerignore the lint could not read, shown at the top of the Dockerfile it applies to. */
function unreadableDiagnostic(p: ConfigProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${p.file}: ${p.message} (${p.hint}); linted without it`, vscode.DiagnosticSeverity.Error);
  d.source = 'shipshape';
  return d;
}
