// Analyse Image…: an image from a quick pick (or the Images node it was invoked on) is streamed from the
// daemon and measured, and its report opens as a read-only document. Mapped on a Dockerfile (picked, or
// the one a build record links to that image), its sizes show in that Dockerfile's lenses too.
import * as vscode from 'vscode';
import { summarizeImage, type ImageSummary } from '../../core/containers/images';
import { layersText } from '../../core/layers/report';
import { MappingError, type ImageAnalysis, type LayerMap } from '../../core/layers/types';
import { onDaemon } from '../../docker/client';
import { daemonMessage } from '../../docker/errors';
import type { Layers } from './feature';
import type { LayersHost } from './host';
import { bytes } from './sizes';

export const REPORT_SCHEME = 'shipshape-layers';

/** The command's optional argument: an Images node, a reference, or this (tests pass it; `dockerfile: null` maps on none). */
export interface AnalyseArguments {
  image: string;
  dockerfile?: vscode.Uri | string | null;
  cancel?: vscode.CancellationToken;
}

export interface AnalyseOutcome {
  analysis: ImageAnalysis;
  report: vscode.Uri;
  /** The Dockerfiles whose lenses now show this image. */
  mappedOn: string[];
}

const NO_DOCKERFILE = 'Only the report';

function parseArgument(arg: unknown): Partial<AnalyseArguments> {
  if (typeof arg === 'string') return { image: arg };
  const node = arg as (Omit<Partial<AnalyseArguments>, 'image'> & { kind?: string; image?: ImageSummary | string }) | undefined;
  if (node?.kind === 'image' && typeof node.image === 'object') return { ...node, image: node.image.tags[0] ?? node.image.id };
  return (arg as Partial<AnalyseArguments> | undefined) ?? {};
}

async function pickImage(host: LayersHost): Promise<string | undefined> {
  // The live model when the view has connected it; otherwise one listing, which names an unreachable daemon.
  const images = host.docker.connection.kind === 'connected' ? host.docker.images : (await onDaemon(host.client, (api) => api.listImages())).map(summarizeImage);
  if (!images.length) {
    void vscode.window.showInformationMessage('Shipshape: the daemon has no images to analyse; build one first (Shipshape: Build and Measure).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    images.map((i) => ({ label: i.tags[0] ?? i.id.slice(7, 19), description: bytes(i.size), detail: [i.id.slice(7, 19), ...i.tags.slice(1)].join(' · '), reference: i.tags[0] ?? i.id })),
    { title: 'Image to analyse', placeHolder: 'Type to filter by name or ID', matchOnDetail: true },
  );
  return picked?.reference;
}

async function pickDockerfile(): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*}', '**/node_modules/**', 200);
  const items = [{ label: NO_DOCKERFILE, description: 'map it on no Dockerfile', uri: undefined as vscode.Uri | undefined }, ...found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), description: '', uri }))];
  const picked = await vscode.window.showQuickPick(items, { title: 'Show its sizes on a Dockerfile?', placeHolder: 'The Dockerfile this image was built from' });
  return picked?.uri;
}

export async function analyseImageCommand(host: LayersHost, layers: Layers, reports: LayerReports, arg?: unknown): Promise<AnalyseOutcome | undefined> {
  const args = parseArgument(arg);
  const image = args.image ?? (await pickImage(host));
  if (!image) return undefined;
  let analysis: ImageAnalysis;
  try {
    analysis = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Analysing ${image}`, cancellable: true }, (progress, token) => {
      const abort = new AbortController();
      for (const t of [token, args.cancel]) t?.onCancellationRequested(() => abort.abort());
      return layers.analyse(host.client, image, {
        signal: abort.signal,
        onProgress: (read: number, total: number | null) => progress.report({ message: `${bytes(read)}${total ? ` of ${bytes(total)}` : ''} read` }),
      });
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`Shipshape: could not analyse ${image}: ${daemonMessage(error)}`);
    return undefined;
  }
  const linked = (await layers.recordsOfImage(analysis.id)).map((r) => r.dockerfile);
  let target = args.dockerfile === undefined ? undefined : args.dockerfile === null ? null : typeof args.dockerfile === 'string' ? vscode.Uri.file(args.dockerfile) : args.dockerfile;
  if (target === undefined && !linked.length) target = await pickDockerfile();
  let map: LayerMap | MappingError | undefined;
  if (target) {
    const document = await vscode.workspace.openTextDocument(target);
    layers.mapOn(document, analysis, image);
    map = layers.mapOf(document.getText(), analysis);
  }
  const report = await reports.show(image, analysis, map instanceof MappingError ? undefined : map);
  if (map instanceof MappingError) void vscode.window.showWarningMessage(`Shipshape: ${target!.fsPath} does not match ${image}: ${map.message} (${map.hint})`);
  return { analysis, report, mappedOn: target ? [target.fsPath, ...linked.filter((f) => f !== target!.fsPath)] : linked };
}

/** The read-only report documents, one per image ID, made from the cached analysis (a restored one reads the cache, not the daemon). */
export class LayerReports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  constructor(private readonly layers: Layers) {}

  async show(image: string, analysis: ImageAnalysis, map?: LayerMap): Promise<vscode.Uri> {
    const name = image.replace(/^sha256:/, '').replace(/[/:@]/g, '_');
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.layers.txt`, query: new URLSearchParams({ id: analysis.id, image }).toString() });
    this.texts.set(uri.toString(), layersText({ image, analysis, map: map ?? null }));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const text = this.texts.get(uri.toString());
    if (text !== undefined) return text;
    const query = new URLSearchParams(uri.query);
    const id = query.get('id') ?? '';
    const analysis = id ? await this.layers.analyses.cached(id) : undefined;
    if (!analysis) return `No analysis of image ${id || uri.path.slice(1)} is cached; run "Shipshape: Analyse Image…" on it.\n`;
    return layersText({ image: query.get('image') ?? id, analysis, map: null });
  }
}
