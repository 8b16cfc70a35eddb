// The one object that owns Shipshape's long-lived state in the editor: the Docker client and
// the models built on it. Commands and views receive it; nothing else holds state.
import * as vscode from 'vscode';
import { DockerClient, createDockerClient } from '../docker/client';
import { ImagePlatforms } from '../docker/images';
import { DockerModel } from '../docker/model';
import { EndpointError } from '../docker/endpoint';
import { readConfig } from './config';
import { DockerfileLinting } from './lint/linting';
import { ContainerDocuments } from './containers/documents';

export class ShipshapeContext implements vscode.Disposable {
  readonly docker: DockerModel;
  readonly output: vscode.LogOutputChannel;
  readonly linting: DockerfileLinting;
  /** inspect / top / stats documents of containers. */
  readonly containerDocuments: ContainerDocuments;
  private dockerClient: DockerClient;
  private imagePlatforms: ImagePlatforms;
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Shipshape', { log: true });
    this.dockerClient = this.makeClient();
    this.docker = new DockerModel(this.dockerClient);
    this.imagePlatforms = new ImagePlatforms(this.dockerClient);
    // The tree-sitter .wasm files sit beside the bundle (dist/). Base images are checked against the
    // daemon only while the Docker model is connected: linting never contacts a daemon on its own.
    this.linting = new DockerfileLinting(__dirname, this.output, () => (this.docker.connection.kind === 'connected' ? this.imagePlatforms : undefined));
    this.containerDocuments = new ContainerDocuments(() => this.dockerClient);
    this.subscriptions.push(
      this.containerDocuments,
      this.docker.onDidChange((change) => {
        if (change === 'images') this.imagePlatforms.forget();
        if (change === 'images' || change === 'connection') this.linting.relintAll();
      }),
    );
  }

  get client(): DockerClient {
    return this.dockerClient;
  }

  /** Re-reads the daemon settings and points every model at the resulting daemon. */
  async reconnect(): Promise<void> {
    this.dockerClient = this.makeClient();
    this.imagePlatforms = new ImagePlatforms(this.dockerClient);
    await this.docker.setClient(this.dockerClient);
  }

  private makeClient(): DockerClient {
    const config = readConfig();
    try {
      const client = createDockerClient({ host: config.dockerHost, context: config.dockerContext });
      this.output.info(`Docker endpoint: ${client.endpoint.host} (${client.endpoint.source}${client.endpoint.context ? ` ${client.endpoint.context}` : ''})`);
      return client;
    } catch (error) {
      // A bad setting or context: fall back to the default daemon and say why, where people look.
      const message = error instanceof EndpointError ? `${error.message}; ${error.hint}` : String(error);
      this.output.error(message);
      void vscode.window.showErrorMessage(`Shipshape: ${message}`);
      return createDockerClient({});
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.linting.dispose();
    this.docker.dispose();
    this.output.dispose();
  }
}
