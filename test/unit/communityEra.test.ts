import { describe, expect, it } from "vitest";
import { campaignEras, COMMUNITY_ERA, erasFor } from "../../client/menu/communityEra";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import type { CampaignEra } from "../../client/ui/ScenarioMenu";

const summary = (id: string) => ({ id, title: id }) as ScenarioSummary;
const campaign: CampaignEra[] = [{ id: "primary", title: "Primary universe", scenarios: [summary("dorvan-2370")] }];

describe("a community scenario's match and the campaign's eras", () => {
  it("a community scenario comes along in an era of its own, so its match finds its briefing", () => {
    const eras = erasFor(campaign, summary("edge-of-the-badlands"));
    expect(eras).toEqual([...campaign, { ...COMMUNITY_ERA, scenarios: [summary("edge-of-the-badlands")] }]);
    expect(erasFor(eras, summary("mirror-raid")).map((era) => era.scenarios.map((s) => s.id))).toEqual([["dorvan-2370"], ["mirror-raid"]]);
  });

  it("a campaign scenario adds nothing, and back at the menu only the campaign's eras are listed", () => {
    expect(erasFor(campaign, summary("dorvan-2370"))).toEqual(campaign);
    expect(campaignEras(erasFor(campaign, summary("edge-of-the-badlands")))).toEqual(campaign);
  });
});
