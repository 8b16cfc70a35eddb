// The history fixtures of test/fixtures/layers/history: a Dockerfile beside the history of the image built
// from it (captured from Docker 20.10, or hand-written after a newer BuildKit's format: each file says which).
import fs from 'node:fs';
import path from 'node:path';
import type { HistoryEntry, ImageAnalysis, ImageLayer } from '../../src/core/layers/types';

export const HISTORY_FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'layers', 'history');

export interface HistoryFixture {
  source: string;
  builder: 'legacy' | 'buildkit';
  imageId: string;
  history: HistoryEntry[];
  layers: { diffId: string; size: number }[];
}

export function dockerfileFixture(name: string): string {
  return fs.readFileSync(path.join(HISTORY_FIXTURES, `${name}.Dockerfile`), 'utf8');
}

export function historyFixture(file: string): HistoryFixture {
  return JSON.parse(fs.readFileSync(path.join(HISTORY_FIXTURES, `${file}.history.json`), 'utf8')) as HistoryFixture;
}

/** An analysis carrying the fixture's history and layer sizes; waste per layer as given (none by default). */
export function analysisOf(fixture: HistoryFixture, waste: Record<number, Partial<Pick<ImageLayer, 'wastedBytes' | 'removesBytes' | 'directories'>>> = {}): Pick<ImageAnalysis, 'id' | 'history' | 'layers' | 'size'> {
  const layers: ImageLayer[] = fixture.layers.map((l, index) => ({
    index,
    diffId: l.diffId,
    size: l.size,
    entries: 0,
    largest: [],
    directories: {},
    wastedBytes: 0,
    removesBytes: 0,
    ...waste[index],
  }));
  return { id: fixture.imageId, history: fixture.history, layers, size: layers.reduce((s, l) => s + l.size, 0) };
}
