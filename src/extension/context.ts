// The one object that owns Shipshape's long-lived state in the editor: the Docker client and
// the models built on it. Commands and views receive it; nothing else holds state.
import * as vscode from 'vscode';
import type { DockerClient } from '../docker/client';
import type { DockerEndpoint } from '../docker/endpoint';
import { EndpointFollower, Resolution } from '../docker/follow';
import { ImagePlatforms } from '../docker/images';
import { DockerModel } from '../docker/model';
import { readConfig } from './config';
import { DockerfileLinting } from './lint/linting';
import { ContainerDocuments } from './containers/documents';
import { Labs } from './labs/feature';
import { LayerReports } from './layers/analyse';
import { Layers } from './layers/feature';

/** A command: a small function of the context (commands.ts lists them all in one table). */
export type CommandFactory = (ctx: ShipshapeContext) => (...args: unknown[]) => unknown;

export class ShipshapeContext implements vscode.Disposable {
  readonly docker: DockerModel;
  readonly output: vscode.LogOutputChannel;
  readonly linting: DockerfileLinting;
  /** inspect / top / stats documents of containers. */
  readonly containerDocuments: ContainerDocuments;
  /** Which daemon: the settings, the environment and Docker's config dir (followed as `docker context use` changes it). */
  readonly endpoints: EndpointFollower;
  /** Lab packs, their runners, the Labs view, the step panel and the Testing view's items. */
  readonly labs: Labs;
  /** Build records, cached layer analyses and what each measured Dockerfile's lines cost. */
  readonly layers: Layers;
  /** Analyse Image's read-only reports. */
  readonly layerReports: LayerReports;
  /** Fires with a quick pick's title once it is on screen (extension-host tests wait on it instead of sleeping). */
  readonly quickPickShown = new vscode.EventEmitter<string>();
  private imagePlatforms: ImagePlatforms | undefined;
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Shipshape', { log: true });
    this.endpoints = new EndpointFollower({
      inputs: () => {
        const config = readConfig();
        return { host: config.dockerHost, context: config.dockerContext };
      },
      onChange: (resolution) => this.use(resolution),
    });
    const first = this.endpoints.current;
    this.describe(first);
    this.docker = new DockerModel(first.client ?? first.error);
    if (first.client) this.imagePlatforms = new ImagePlatforms(first.client);
    // The tree-sitter .wasm files sit beside the bundle (dist/). Base images are checked against the
    // daemon only while the Docker model is connected: linting never contacts a daemon on its own.
    this.linting = new DockerfileLinting(__dirname, this.output, () => (this.docker.connection.kind === 'connected' ? this.imagePlatforms : undefined));
    this.containerDocuments = new ContainerDocuments(() => this.client);
    this.labs = new Labs(this);
    this.layers = new Layers(this);
    this.layerReports = new LayerReports(this.layers);
    // Size-related findings say what they cost in the Dockerfile's built image.
    this.linting.measure = (document, findings) => this.layers.measuredHints(document, findings);
    this.subscriptions.push(
      this.quickPickShown,
      this.containerDocuments,
      this.labs,
      this.layers,
      this.layers.onDidChange(() => this.linting.relintAll()),
      this.docker.onDidChange((change) => {
        if (change === 'images') this.imagePlatforms?.forget();
        if (change === 'images' || change === 'connection') this.linting.relintAll();
      }),
    );
  }

  /** The client of the daemon in use. Throws, saying what to fix, when no daemon could be chosen. */
  get client(): DockerClient {
    const r = this.endpoints.current;
    if (r.error) throw r.error;
    return r.client;
  }

  /** The endpoint in use; undefined when none could be resolved. */
  get endpoint(): DockerEndpoint | undefined {
    return this.endpoints.current.client?.endpoint;
  }

  /**
   * Reads the daemon settings and Docker's files again. A different endpoint re-points every model;
   * the same one is reconnected only when `retry` asks (the view's retry and the refresh command).
   */
  async reconnect(retry = false): Promise<void> {
    if (this.endpoints.update()) return; // use() has re-pointed the model
    if (retry) await this.docker.refresh();
  }

  private use(resolution: Resolution): void {
    this.describe(resolution);
    this.imagePlatforms = resolution.client ? new ImagePlatforms(resolution.client) : undefined;
    void this.docker.setClient(resolution.client ?? resolution.error);
  }

  /** Says in the log which daemon is used, or why none can be. The view and status bar say it too. */
  private describe(resolution: Resolution): void {
    if (resolution.client) {
      const e = resolution.client.endpoint;
      this.output.info(`Docker endpoint: ${e.host} (${e.source}${e.context ? ` ${e.context}` : ''})`);
    } else {
      this.output.error(`${resolution.error.message}; ${resolution.error.hint}`);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.endpoints.dispose();
    this.linting.dispose();
    this.docker.dispose();
    this.output.dispose();
  }
}
