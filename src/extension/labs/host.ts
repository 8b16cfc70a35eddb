// What the labs need of the editor's context: declared here so that the context can own the labs
// without the labs importing the context (no import cycle). ShipshapeContext satisfies it.
import type * as vscode from 'vscode';
import type { DockerClient } from '../../docker/client';
import type { DockerEndpoint } from '../../docker/endpoint';
import type { DockerModel } from '../../docker/model';

export interface LabsHost {
  readonly extension: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /** The one Docker model: its events drive the watched steps. */
  readonly docker: DockerModel;
  /** The client of the daemon in use; throws, saying what to fix, when none could be chosen. */
  readonly client: DockerClient;
  readonly endpoint: DockerEndpoint | undefined;
}
