import type { CommunityEntry, CommunityQuery } from "../../shared/protocol/communityMessages";

const COMMUNITY_PATH = "/api/community/scenarios";

/** The published scenarios (their latest versions) that match the filters; rejects with a sentence when the server does not answer. */
export async function listCommunity(query: CommunityQuery): Promise<CommunityEntry[]> {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.era) params.set("era", query.era);
  if (query.author) params.set("author", query.author);
  const response = await fetch(`${COMMUNITY_PATH}?${params}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`the server could not list the community's scenarios (${response.status})`);
  return (await response.json()) as CommunityEntry[];
}

/** Where a published scenario's latest file downloads from. */
export function communityDownloadUrl(id: string): string {
  return `${COMMUNITY_PATH}/${encodeURIComponent(id)}?download=1`;
}
