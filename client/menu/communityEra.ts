import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import type { CampaignEra } from "../ui/ScenarioMenu";

/** The era a community scenario rides along in while it is played; never one of the campaign's. */
export const COMMUNITY_ERA = { id: "community", title: "Community" } as const;

/** The campaign's own eras, without a community scenario that was being played. */
export function campaignEras(eras: CampaignEra[]): CampaignEra[] {
  return eras.filter((era) => era.id !== COMMUNITY_ERA.id);
}

/**
 * The eras a match of this scenario opens with: the match finds its briefing among them, so a
 * scenario that is not the campaign's (a community one) comes along in an era of its own.
 */
export function erasFor(eras: CampaignEra[], scenario: ScenarioSummary): CampaignEra[] {
  const campaign = campaignEras(eras);
  if (campaign.some((era) => era.scenarios.some((known) => known.id === scenario.id))) return campaign;
  return [...campaign, { ...COMMUNITY_ERA, scenarios: [scenario] }];
}
