// Volumes as the tree shows them, from GET /volumes. Pure.

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
}

export function summarizeVolume(e: { Name: string; Driver?: string; Mountpoint?: string }): VolumeSummary {
  return { name: e.Name, driver: e.Driver ?? 'local', mountpoint: e.Mountpoint ?? '' };
}
