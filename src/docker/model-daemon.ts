// What DockerModel asks of a daemon: one event stream, the version and four lists. Dockerode (a
// DockerClient's api) satisfies it; unit tests of the model's logic give it a fake.
import { ApiContainerListEntry, ContainerSummary, summarizeContainer } from '../core/containers/summary';
import { ImageSummary, summarizeImage } from '../core/containers/images';
import { NetworkSummary, summarizeNetwork } from '../core/containers/networks';
import { VolumeSummary, summarizeVolume } from '../core/containers/volumes';
import type { DockerEndpoint } from './endpoint';

export interface ModelDaemon {
  /** GET /events: one JSON message a line, open until the daemon goes away. */
  getEvents(): Promise<NodeJS.ReadableStream>;
  version(): Promise<{ Version?: string }>;
  /** GET /containers/json?all=1, all of them or only the ids in `filters`. */
  listContainers(options: { all: boolean; filters?: { id: string[] } }): Promise<ApiContainerListEntry[]>;
  listImages(): Promise<Parameters<typeof summarizeImage>[0][]>;
  listNetworks(): Promise<Parameters<typeof summarizeNetwork>[0][]>;
  listVolumes(): Promise<{ Volumes?: Parameters<typeof summarizeVolume>[0][] | null }>;
}

/** A DockerClient as the model needs it. */
export interface ModelClient {
  readonly api: ModelDaemon;
  readonly endpoint: DockerEndpoint;
}

/** The four lists the model keeps, each read and each able to fail on its own. */
export type ModelPart = 'containers' | 'images' | 'networks' | 'volumes';
export const MODEL_PARTS: readonly ModelPart[] = ['containers', 'images', 'networks', 'volumes'];

export interface PartLists {
  containers: ContainerSummary[];
  images: ImageSummary[];
  networks: NetworkSummary[];
  volumes: VolumeSummary[];
}

/** Reads one part in full, summarized and sorted as the tree shows it. */
export const READ_PART: { [P in ModelPart]: (daemon: ModelDaemon) => Promise<PartLists[P]> } = {
  containers: async (daemon) => (await daemon.listContainers({ all: true })).map(summarizeContainer),
  images: async (daemon) => (await daemon.listImages()).map(summarizeImage).sort((a, b) => (a.tags[0] ?? '~').localeCompare(b.tags[0] ?? '~')),
  networks: async (daemon) => (await daemon.listNetworks()).map(summarizeNetwork).sort((a, b) => a.name.localeCompare(b.name)),
  volumes: async (daemon) => ((await daemon.listVolumes()).Volumes ?? []).map(summarizeVolume).sort((a, b) => a.name.localeCompare(b.name)),
};
