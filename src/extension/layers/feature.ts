// Layer sizes in the editor: which image belongs to which Dockerfile (the build records, and images
// mapped on a Dockerfile by Analyse Image), their cached analyses, and what each open Dockerfile's
// lines cost. Opening a Dockerfile reads only the cache of its recorded image: it never streams.
import path from 'node:path';
import * as vscode from 'vscode';
import { parseDockerfile, type DockerfileModel } from '../../core/dockerfile/model';
import type { Finding } from '../../core/lint/types';
import { BUILDKIT_COMMENT } from '../../core/layers/created-by';
import { finalChain, mapHistory } from '../../core/layers/map';
import { measuredHints } from '../../core/layers/hints';
import { staleLines } from '../../core/layers/stale';
import { MappingError, type BuildRecord, type ImageAnalysis, type LayerMap } from '../../core/layers/types';
import type { DockerClient } from '../../docker/client';
import { AnalysisCache, type AnalyseImageOptions } from '../../docker/layers';
import { analysisFolder } from '../../process/analysis-folder';
import { BuildRecordStore } from '../../process/build-records';
import type { MeasuredFindings } from '../lint/linting';
import type { LayersHost } from './host';
import { recordedLineOf, type LineMoves } from './sizes';

/** What is known about one Dockerfile document's sizes. */
export type LayerView =
  | { kind: 'none' }
  /** Built (or mapped), but the image's analysis is not in the cache: measuring it streams the image. */
  | { kind: 'unmeasured'; record: BuildRecord }
  | { kind: 'mismatch'; record: BuildRecord; analysis: ImageAnalysis; error: MappingError }
  | { kind: 'sizes'; record: BuildRecord; analysis: ImageAnalysis; map: LayerMap; moves: LineMoves; notInFinalImage: number[]; model: DockerfileModel };

export class Layers implements vscode.Disposable {
  readonly records: BuildRecordStore;
  readonly analyses: AnalysisCache;
  /** Every line of every build. */
  readonly buildLog = vscode.window.createOutputChannel('Shipshape Build');
  /** A failed build's message on its failing instruction; the next successful build clears it. */
  readonly buildDiagnostics = vscode.languages.createDiagnosticCollection('shipshape-build');
  /** Images mapped on a Dockerfile by Analyse Image, this session (a build's record replaces them). */
  private readonly mapped = new Map<string, BuildRecord>();
  /** Build records as read from the store, by Dockerfile. */
  private readonly loaded = new Map<string, Promise<BuildRecord | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a record or an analysis changes: lenses, hovers and measured hints are read again. */
  readonly onDidChange = this.changed.event;
  /** Layer maps by record (image ID + built text): the mapping is made once per build, not per keystroke. */
  private readonly maps = new Map<string, LayerMap | MappingError>();
  /** Each document's view at one version: lenses, hover and the lint's measured hints ask for the same one. */
  private readonly views = new Map<string, { version: number; generation: number; view: Promise<LayerView> }>();
  /** Bumped whenever a record or an analysis changes, so that remembered views are made again. */
  private generation = 0;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((document) => this.views.delete(document.uri.toString()));

  constructor(host: Pick<LayersHost, 'extension' | 'output'>) {
    const storage = host.extension.globalStorageUri.fsPath;
    this.records = new BuildRecordStore(path.join(storage, 'build-records'), (p) => host.output.warn(`build record ${p.file}: ${p.message}`));
    this.analyses = new AnalysisCache({
      persist: analysisFolder(path.join(storage, 'layer-analyses')),
      // Not kept on disk: measured again after a restart, and said so in the log.
      onPersistError: (error) => host.output.warn(`keeping a layer analysis in ${storage}: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  /** The record of a Dockerfile: a mapped image from Analyse Image, else its last build. */
  async recordFor(file: string): Promise<BuildRecord | undefined> {
    const mapped = this.mapped.get(file);
    if (mapped) return mapped;
    // Read once per Dockerfile (lenses, hovers and every lint ask): this window's builds replace it.
    let loading = this.loaded.get(file);
    if (!loading) {
      loading = this.records.load(file);
      this.loaded.set(file, loading);
      loading.catch(() => this.loaded.delete(file));
    }
    return loading;
  }

  /** Records (built or mapped) whose image is this one. */
  async recordsOfImage(imageId: string): Promise<BuildRecord[]> {
    const built = (await this.records.all()).filter((r) => r.imageId === imageId && !this.mapped.has(r.dockerfile));
    return [...built, ...[...this.mapped.values()].filter((r) => r.imageId === imageId)];
  }

  /** A finished build (its image analysed): the record is saved, and lenses and hints are read again. */
  async built(record: BuildRecord): Promise<void> {
    this.mapped.delete(record.dockerfile);
    await this.records.save(record);
    this.loaded.set(record.dockerfile, Promise.resolve(record));
    this.fire();
  }

  /** The analysis of an image: from the cache when its ID has one (one inspect), else streamed from the daemon and cached. */
  async analyse(client: DockerClient, reference: string, options: AnalyseImageOptions): Promise<ImageAnalysis> {
    const analysis = await this.analyses.analyse(client, reference, options);
    this.fire();
    return analysis;
  }

  /** Analyse Image on a Dockerfile: its lenses show that image for the rest of the session. */
  mapOn(document: vscode.TextDocument, analysis: ImageAnalysis, reference: string): void {
    this.mapped.set(document.uri.fsPath, {
      dockerfile: document.uri.fsPath,
      context: path.dirname(document.uri.fsPath),
      imageId: analysis.id,
      tag: reference,
      builder: analysis.history.some((h) => h.comment === BUILDKIT_COMMENT) ? 'buildkit' : 'legacy',
      builtAt: new Date().toISOString(),
      text: document.getText(),
    });
    this.fire();
  }

  private fire(): void {
    this.generation++;
    this.changed.fire();
  }

  /** What is known about the document's sizes, made once per document version (and per record or analysis change). */
  view(document: vscode.TextDocument): Promise<LayerView> {
    const key = document.uri.toString();
    const known = this.views.get(key);
    if (known && known.version === document.version && known.generation === this.generation) return known.view;
    const view = this.makeView(document);
    this.views.set(key, { version: document.version, generation: this.generation, view });
    view.catch(() => this.views.delete(key));
    return view;
  }

  private async makeView(document: vscode.TextDocument): Promise<LayerView> {
    if (document.uri.scheme !== 'file') return { kind: 'none' };
    const record = await this.recordFor(document.uri.fsPath);
    if (!record) return { kind: 'none' };
    const analysis = await this.analyses.cached(record.imageId); // memory, then the folder: never the daemon
    if (!analysis) return { kind: 'unmeasured', record };
    const map = this.mapOf(record.text, analysis);
    if (map instanceof MappingError) return { kind: 'mismatch', record, analysis, error: map };
    const current = parseDockerfile(document.getText());
    const final = new Set(finalChain(current));
    const notInFinalImage = current.stages.filter((stage) => !final.has(stage)).flatMap((stage) => stage.instructions.map((i) => i.range.start.line));
    return { kind: 'sizes', record, analysis, map, moves: staleLines(record.text, current), notInFinalImage, model: current };
  }

  /** The image's history mapped on a Dockerfile's text, or why they do not go together. */
  mapOf(text: string, analysis: ImageAnalysis): LayerMap | MappingError {
    const key = `${analysis.id}\n${text}`;
    const known = this.maps.get(key);
    if (known) return known;
    let map: LayerMap | MappingError;
    try {
      map = mapHistory(parseDockerfile(text), analysis);
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      map = error;
    }
    if (this.maps.size >= 64) this.maps.clear(); // texts mapped by Analyse Image: keep the memory bounded
    this.maps.set(key, map);
    return map;
  }

  /**
   * What size-related findings cost in the recorded image, by finding (the linter appends it to their
   * messages), and the measured findings no rule sees in the text (a RUN deleting what an earlier layer
   * ships). Only instructions unchanged since the build are measured.
   */
  async measuredHints(document: vscode.TextDocument, findings: readonly Finding[]): Promise<MeasuredFindings> {
    const out: MeasuredFindings = { messages: new Map(), extra: [] };
    const view = await this.view(document);
    if (view.kind !== 'sizes') return out;
    const model = view.model;
    const asked: { rule: string; line: number; finding: Finding }[] = [];
    for (const finding of findings) {
      const line = finding.range.start.line;
      const instruction = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
      const recorded = instruction ? recordedLineOf(view.map, view.moves, instruction.range.start.line) : null;
      if (recorded !== null) asked.push({ rule: finding.code, line: recorded, finding });
    }
    const measured = (message: string) => `measured in ${view.record.tag}: ${message}`;
    for (const hint of measuredHints(asked.map(({ rule, line }) => ({ rule, line })), view.map, view.analysis)) {
      const matching = asked.filter((a) => a.rule === hint.rule && a.line === hint.line);
      for (const a of matching) out.messages.set(a.finding, measured(hint.message));
      const line = matching.length ? null : view.moves.lineOf(hint.line);
      if (line === null || view.moves.changed.has(line)) continue;
      const instruction = model.instructions.find((i) => i.range.start.line === line);
      if (instruction) out.extra.push({ code: hint.rule, message: measured(hint.message), range: instruction.range });
    }
    return out;
  }

  dispose(): void {
    this.closing.dispose();
    this.buildLog.dispose();
    this.buildDiagnostics.dispose();
    this.changed.dispose();
  }
}
