// An image's waste analysis from the daemon: `GET /images/{id}/get` streamed through the core's
// analysis (nothing written to disk), and a cache by image ID so that reopening costs no stream.
import { analyseImageTar } from '../core/layers/analysis';
import type { ImageAnalysis } from '../core/layers/types';
import { DockerClient, onDaemon } from './client';

export interface AnalyseImageOptions {
  /** Bytes of the save stream read, and roughly how many there will be (the image's size), when known. */
  onProgress?(read: number, total: number | null): void;
  signal?: AbortSignal;
}

/** No image by that reference on the daemon. */
export class ImageNotFoundError extends Error {
  constructor(readonly reference: string, host: string) {
    super(`no image ${reference} on this daemon (${host}): build it, or pull or load it (docker pull / docker load), then analyse again`);
    this.name = 'ImageNotFoundError';
  }
}

const aborted = (signal: AbortSignal) => Object.assign(new Error(`analysis cancelled${signal.reason instanceof Error ? `: ${signal.reason.message}` : ''}`), { name: 'AbortError' });

interface InspectedImage {
  id: string;
  size: number | null;
  /** The daemon's tags for it now (a save by ID names none). */
  repoTags: string[];
}

/** The image's ID, size and tags; ImageNotFoundError when the daemon has no such image. */
export async function inspectForAnalysis(client: DockerClient, reference: string): Promise<InspectedImage> {
  try {
    const image = (await onDaemon(client, (api) => api.getImage(reference).inspect())) as { Id: string; Size?: number; RepoTags?: string[] | null };
    return { id: image.Id, size: typeof image.Size === 'number' ? image.Size : null, repoTags: image.RepoTags ?? [] };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) throw new ImageNotFoundError(reference, client.endpoint.host);
    throw error;
  }
}

/** Streams the image (by ID) from the daemon through the analysis. */
async function analyseById(client: DockerClient, image: InspectedImage, options: AnalyseImageOptions): Promise<ImageAnalysis> {
  const { signal } = options;
  if (signal?.aborted) throw aborted(signal);
  return onDaemon(client, async (api) => {
    const stream = (await api.getImage(image.id).get()) as NodeJS.ReadableStream & { destroy(error?: Error): void };
    const abort = () => stream.destroy(aborted(signal!));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const analysis = await analyseImageTar(stream, { onProgress: (read) => options.onProgress?.(read, image.size) });
      return { ...analysis, repoTags: image.repoTags };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  });
}

/** The analysis of the image a reference names (a tag, an ID, `name@digest`). */
export async function analyseImage(client: DockerClient, reference: string, options: AnalyseImageOptions = {}): Promise<ImageAnalysis> {
  return analyseById(client, await inspectForAnalysis(client, reference), options);
}

/** Where analyses outlive the process (the front ends give a folder: src/process/analysis-folder.ts). */
export interface AnalysisStore {
  load(id: string): Promise<string | undefined>;
  save(id: string, json: string): Promise<void>;
}

export interface AnalysisCacheOptions {
  /** Analyses kept in memory, least recently used dropped first. */
  capacity?: number;
  persist?: AnalysisStore;
  /** A failed save does not fail the analysis; it is reported here (thrown when not given). */
  onPersistError?(error: unknown): void;
}

/** Analyses by image ID: memory (a small LRU), then the store, then the daemon's save stream. */
export class AnalysisCache {
  private readonly memory = new Map<string, ImageAnalysis>();
  private readonly running = new Map<string, Promise<ImageAnalysis>>();
  private readonly capacity: number;

  constructor(private readonly options: AnalysisCacheOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? 8);
  }

  /** The analysis of the image a reference names now; one inspect when cached. Callers asking for the
   * same image while it streams share that one stream (and its first caller's signal). */
  async analyse(client: DockerClient, reference: string, options: AnalyseImageOptions = {}): Promise<ImageAnalysis> {
    const image = await inspectForAnalysis(client, reference);
    const known = this.get(image.id) ?? (await this.load(image.id));
    if (known) return known;
    let running = this.running.get(image.id);
    if (!running) {
      running = analyseById(client, image, options).then((analysis) => this.keep(analysis));
      this.running.set(image.id, running);
      const forget = () => this.running.delete(image.id);
      running.then(forget, forget);
    }
    return running;
  }

  /** From memory, then the store: never the daemon (an editor opening a Dockerfile reads this). */
  async cached(id: string): Promise<ImageAnalysis | undefined> {
    return this.get(id) ?? (await this.load(id));
  }

  /** From memory only. */
  get(id: string): ImageAnalysis | undefined {
    const analysis = this.memory.get(id);
    if (analysis) this.remember(analysis);
    return analysis;
  }

  private remember(analysis: ImageAnalysis): void {
    this.memory.delete(analysis.id);
    this.memory.set(analysis.id, analysis);
    while (this.memory.size > this.capacity) this.memory.delete(this.memory.keys().next().value!);
  }

  private async load(id: string): Promise<ImageAnalysis | undefined> {
    const json = await this.options.persist?.load(id);
    if (!json) return undefined;
    let analysis: ImageAnalysis;
    try {
      analysis = JSON.parse(json) as ImageAnalysis;
    } catch {
      return undefined; // a torn or foreign file: analysed afresh, and saved over
    }
    // A record of another image or another shape (an older version's) is analysed afresh.
    if (analysis?.id !== id || !Array.isArray(analysis.layers) || typeof analysis.recoverableBytes !== 'number') return undefined;
    this.remember(analysis);
    return analysis;
  }

  private async keep(analysis: ImageAnalysis): Promise<ImageAnalysis> {
    this.remember(analysis);
    try {
      await this.options.persist?.save(analysis.id, JSON.stringify(analysis));
    } catch (error) {
      if (!this.options.onPersistError) throw error;
      this.options.onPersistError(error);
    }
    return analysis;
  }
}
