// Images as the tree shows them, from GET /images/json. Pure.

export interface ImageSummary {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  tags: string[];
  size: number;
  created: string;
}

export function summarizeImage(e: { Id: string; RepoTags?: string[] | null; Size?: number; Created?: number }): ImageSummary {
  const tags = (e.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return { id: e.Id, tags, size: e.Size ?? 0, created: new Date((e.Created ?? 0) * 1000).toISOString() };
}
