// CodeLenses (not inlay hints: a lens sits on its own row above the instruction, so long RUN lines keep
// their width, and it can be clicked: Build and Measure, rebuild a stale line) and the hover with the
// largest files of an instruction's layer.
import * as vscode from 'vscode';
import { parseDockerfile } from '../../core/dockerfile/model';
import { readLayersSettings } from '../config';
import type { Layers } from './feature';
import { imageSummary, layerHover, recordedLineOf, sizeLines, type SizeLine } from './sizes';

export const BUILD_COMMAND = 'shipshape.layers.build';
export const ANALYSE_COMMAND = 'shipshape.layers.analyseImage';

const lineRange = (line: number) => new vscode.Range(line, 0, line, 0);

export class LayerLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly layers: Layers) {
    this.subscriptions = [
      layers.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('shipshape.layers') && this.changed.fire()),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!readLayersSettings().codeLens) return [];
    const firstFrom = parseDockerfile(document.getText()).instructions.find((i) => i.keyword === 'FROM');
    if (!firstFrom) return [];
    const fromLine = firstFrom.range.start.line;
    const build: vscode.Command = { title: 'Build and Measure', command: BUILD_COMMAND, arguments: [document.uri], tooltip: 'Build this Dockerfile and measure what each instruction cost' };
    const lenses = [new vscode.CodeLens(lineRange(fromLine), build)];
    const view = await this.layers.view(document);
    switch (view.kind) {
      case 'none':
        break;
      case 'unmeasured':
        lenses.push(new vscode.CodeLens(lineRange(fromLine), {
          title: `built as ${view.record.tag}: Measure Layers`,
          command: ANALYSE_COMMAND,
          arguments: [{ image: view.record.imageId, dockerfile: document.uri }],
          tooltip: `Stream ${view.record.tag} from the daemon and measure its layers`,
        }));
        break;
      case 'mismatch':
        lenses.push(new vscode.CodeLens(lineRange(fromLine), { title: `sizes unavailable: ${view.error.message} (${view.error.hint})`, command: '', tooltip: view.error.hint }));
        break;
      case 'sizes':
        lenses.push(new vscode.CodeLens(lineRange(fromLine), {
          title: imageSummary(view.analysis),
          command: ANALYSE_COMMAND,
          arguments: [{ image: view.record.imageId, dockerfile: document.uri }],
          tooltip: `Open the report of ${view.record.tag}: every layer, dive's figures and the largest wasted paths`,
        }));
        for (const s of sizeLines(view.map, view.moves, view.notInFinalImage)) lenses.push(new vscode.CodeLens(lineRange(s.line), this.command(s, document, view.record.tag)));
        break;
    }
    return lenses;
  }

  private command(s: SizeLine, document: vscode.TextDocument, tag: string): vscode.Command {
    if (s.kind === 'stale') return { title: s.title, command: BUILD_COMMAND, arguments: [document.uri], tooltip: 'Build and Measure again' };
    return { title: s.title, command: '', tooltip: `measured in ${tag}` };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export class LayerHover implements vscode.HoverProvider {
  constructor(private readonly layers: Layers) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const instruction = parseDockerfile(document.getText()).instructions.find((i) => i.range.start.line <= position.line && position.line <= i.range.end.line);
    if (!instruction) return undefined;
    const view = await this.layers.view(document);
    if (view.kind !== 'sizes') return undefined;
    const recorded = recordedLineOf(view.map, view.moves, instruction.range.start.line);
    const text = recorded === null ? undefined : layerHover(view.map, view.analysis, recorded, view.moves);
    if (!text) return undefined;
    const start = instruction.range.start;
    const end = instruction.range.end;
    return new vscode.Hover(new vscode.MarkdownString(`${text}\n\n_measured in ${view.record.tag}_`), new vscode.Range(start.line, start.character, end.line, end.character));
  }
}
