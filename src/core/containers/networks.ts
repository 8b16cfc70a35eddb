// Networks as the tree shows them, from GET /networks. Pure.

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
}

export function summarizeNetwork(e: { Id: string; Name?: string; Driver?: string; Scope?: string; Internal?: boolean }): NetworkSummary {
  return { id: e.Id, name: e.Name ?? e.Id.slice(0, 12), driver: e.Driver ?? '', scope: e.Scope ?? '', internal: e.Internal ?? false };
}
