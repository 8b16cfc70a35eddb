// Build and Measure: builds the open Dockerfile through the daemon in a cancellable notification (each
// step in it, every line in the "Shipshape Build" channel), measures the image's layers, and records
// which image belongs to the Dockerfile. A failed build is a diagnostic on its failing instruction.
import path from 'node:path';
import * as vscode from 'vscode';
import type { BuildRecord, ImageAnalysis } from '../../core/layers/types';
import { BuildFailure, buildImage } from '../../docker/build';
import { daemonMessage } from '../../docker/errors';
import { readLayersSettings, type LayersSettings } from '../config';
import type { Layers } from './feature';
import type { LayersHost } from './host';
import { bytes } from './sizes';

/** The command's optional argument (tests and lenses pass it; without it the active editor is built). */
export interface BuildArguments {
  dockerfile?: vscode.Uri | string;
  context?: string;
  tag?: string;
  builder?: LayersSettings['builder'];
  /** More labels for the image (tests label theirs). */
  labels?: Record<string, string>;
  /** Cancels like the notification's Cancel button. */
  cancel?: vscode.CancellationToken;
}

export type BuildOutcome =
  | { outcome: 'built'; record: BuildRecord; analysis: ImageAnalysis }
  | { outcome: 'failed'; message: string; line: number | null }
  | { outcome: 'cancelled' }
  | { outcome: 'untrusted' };

/** Said when Build and Measure is asked for in Restricted Mode. */
export const UNTRUSTED_BUILD =
  "Build and Measure runs the Dockerfile's RUN instructions on your Docker daemon, so it is off in Restricted Mode. Trust this workspace to build it (Analyse Image… still works).";

/** `shipshape/<folder>:latest` from the setting's pattern, the folder made a valid repository name. */
export function tagFor(pattern: string, dockerfile: string): string {
  const folder = path.basename(path.dirname(dockerfile)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'image';
  return pattern.replaceAll('${folder}', folder);
}

function contextFor(setting: string, dockerfile: string): string {
  if (!setting) return path.dirname(dockerfile);
  if (path.isAbsolute(setting)) return setting;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dockerfile)) ?? vscode.workspace.workspaceFolders?.[0];
  return path.join(folder ? folder.uri.fsPath : path.dirname(dockerfile), setting);
}

async function dockerfileDocument(arg: vscode.Uri | string | undefined): Promise<vscode.TextDocument | undefined> {
  if (arg) return vscode.workspace.openTextDocument(typeof arg === 'string' ? vscode.Uri.file(arg) : arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'dockerfile') return active;
  const [picked] = (await vscode.window.showOpenDialog({ title: 'Dockerfile to build and measure', canSelectMany: false, openLabel: 'Build and Measure' })) ?? [];
  return picked ? vscode.workspace.openTextDocument(picked) : undefined;
}

function linkedToken(source: vscode.CancellationToken, extra: vscode.CancellationToken | undefined): AbortController {
  const controller = new AbortController();
  for (const token of [source, extra]) {
    if (token?.isCancellationRequested) controller.abort();
    token?.onCancellationRequested(() => controller.abort());
  }
  return controller;
}

export async function buildAndMeasure(host: LayersHost, layers: Layers, arg?: unknown): Promise<BuildOutcome | undefined> {
  const args: BuildArguments = arg instanceof vscode.Uri ? { dockerfile: arg } : ((arg as BuildArguments | undefined) ?? {});
  // A cloned repository's Dockerfile is someone else's code: building it runs its RUNs (and workspace
  // settings choose the context and the tag it overwrites), so only a trusted workspace builds.
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(`Shipshape: ${UNTRUSTED_BUILD}`, 'Manage Workspace Trust').then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
    return { outcome: 'untrusted' };
  }
  const document = await dockerfileDocument(args.dockerfile);
  if (!document) return undefined;
  if (document.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Shipshape: ${document.uri.toString()} is not a file on this machine; save it as a Dockerfile first.`);
    return undefined;
  }
  if (document.isDirty) await document.save(); // the daemon builds what is on disk
  const settings = readLayersSettings();
  const dockerfile = document.uri.fsPath;
  const context = args.context ?? contextFor(settings.buildContext, dockerfile);
  const tag = args.tag ?? tagFor(settings.tag, dockerfile);
  const builder = args.builder ?? settings.builder;
  const log = layers.buildLog;
  log.appendLine(`── ${new Date().toLocaleTimeString()} building ${dockerfile} (context ${context}) as ${tag}, builder ${builder}`);

  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Building ${tag}`, cancellable: true }, async (progress, token) => {
    const abort = linkedToken(token, args.cancel);
    try {
      const result = await buildImage(host.client, { dockerfile, context, tag, builder, ...(args.labels ? { labels: args.labels } : {}) }, {
        onLine: (line) => log.appendLine(line),
        onStep: (step) => progress.report({ message: `step ${step.index}${step.total ? `/${step.total}` : ''}: ${step.text}` }),
        signal: abort.signal,
      });
      layers.buildDiagnostics.delete(document.uri);
      progress.report({ message: 'measuring the layers…' });
      const analysis = await layers.analyse(host.client, result.imageId, {
        signal: abort.signal,
        onProgress: (read: number, total: number | null) => progress.report({ message: `measuring the layers: ${bytes(read)}${total ? ` of ${bytes(total)}` : ''}` }),
      });
      const record = result.record;
      await layers.built(record);
      log.appendLine(`── built ${tag} (${result.imageId.slice(7, 19)}): ${bytes(analysis.size)} in ${analysis.layers.length} layers, ${bytes(analysis.recoverableBytes)} recoverable`);
      return { outcome: 'built', record, analysis };
    } catch (error) {
      if (abort.signal.aborted) {
        log.appendLine('── cancelled');
        return { outcome: 'cancelled' };
      }
      return failed(host, layers, document, error);
    }
  });
}

function failed(host: LayersHost, layers: Layers, document: vscode.TextDocument, error: unknown): BuildOutcome {
  const message = error instanceof BuildFailure ? error.message : daemonMessage(error);
  const line = error instanceof BuildFailure ? error.line : null;
  layers.buildLog.appendLine(`── failed: ${message}`);
  host.output.error(`Build and Measure ${document.uri.fsPath}: ${message}`);
  if (line !== null && line !== undefined) {
    const range = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'shipshape build';
    layers.buildDiagnostics.set(document.uri, [diagnostic]);
  } else {
    layers.buildDiagnostics.delete(document.uri); // an earlier failure's line no longer says why
  }
  const where = line !== null && line !== undefined ? `${document.uri.fsPath}:${line + 1}: ` : '';
  void vscode.window.showErrorMessage(`Shipshape: the build failed: ${where}${message}`, 'Show Log').then((choice) => choice && layers.buildLog.show());
  return { outcome: 'failed', message, line: line ?? null };
}
