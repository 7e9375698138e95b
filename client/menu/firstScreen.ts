import type { CampaignEra } from "../ui/ScenarioMenu";
import type { MatchStart, MenuData } from "./MenuScreens";

/** Where the page opens: the menu, or straight into a match (an invite or replay link, a reload mid-match). */
export type FirstScreen = { scene: "menu"; data: MenuData } | { scene: "match"; data: MatchStart };

/**
 * An invite link (?join=CODE) joins that match, a replay link (?replay=ID) plays that replay, a playtest
 * link from the editor (?playtest=ID&seat=SEAT) starts the draft's match, and a
 * reload in the middle of a match goes straight back to it; anything else opens the menu.
 */
export function firstScreen(eras: CampaignEra[], search: string, savedSession: boolean, playerName: string): FirstScreen {
  const params = new URLSearchParams(search);
  const replay = params.get("replay");
  const invite = params.get("join");
  const playtest = params.get("playtest");
  // A playtest from the editor: the draft's private match in the chosen seat, the AI in the others; leaving goes back to the editor.
  if (playtest) {
    // Only back into the editor: the link is the page's own, but its parameters are anyone's to write.
    const back = params.get("back") ?? "";
    const returnTo = /^\/editor(\?(draft|continue)=[\w-]+)?$/.test(back) ? back : "/editor";
    return { scene: "match", data: { eras, solo: { scenario: playtest, seat: params.get("seat") ?? "", difficulty: "normal" }, returnTo } };
  }
  if (replay) return { scene: "match", data: { eras, replay } };
  if (invite) return { scene: "match", data: { eras, joinById: { roomId: invite.trim().toUpperCase(), name: playerName } } };
  if (savedSession) return { scene: "match", data: { eras, rejoin: true } };
  return { scene: "menu", data: { eras } };
}
