import { describe, expect, it } from "vitest";
import { firstScreen } from "../../client/menu/firstScreen";

describe("the screen the page opens on", () => {
  const eras = [{ id: "dmz", name: "The DMZ", scenarios: [] }] as never[];

  it("is the menu, unless a link or a reload says otherwise", () => {
    expect(firstScreen(eras, "", false, "Sveta")).toEqual({ scene: "menu", data: { eras } });
  });

  it("is the replay a replay link names, before anything else", () => {
    expect(firstScreen(eras, "?replay=abc&join=XYZ", true, "Sveta")).toEqual({ scene: "match", data: { eras, replay: "abc" } });
  });

  it("joins the match an invite link names, by its code in capitals, under the player's name", () => {
    expect(firstScreen(eras, "?join= k7pq2m ", false, "Sveta")).toEqual({ scene: "match", data: { eras, joinById: { roomId: "K7PQ2M", name: "Sveta" } } });
  });

  it("goes back to the seat held when the page is reloaded in the middle of a match", () => {
    expect(firstScreen(eras, "", true, "Sveta")).toEqual({ scene: "match", data: { eras, rejoin: true } });
  });

  it("starts an editor's playtest in the seat chosen, and comes back to the editor when left", () => {
    expect(firstScreen(eras, "?playtest=playtest-abc&seat=cell-1&back=%2Feditor%3Fcontinue%3Ddraft-1", true, "Sveta")).toEqual({
      scene: "match",
      data: { eras, solo: { scenario: "playtest-abc", seat: "cell-1", difficulty: "normal" }, returnTo: "/editor?continue=draft-1" },
    });
    // A link that would send the player anywhere but the editor goes to the editor.
    const elsewhere = firstScreen(eras, "?playtest=playtest-abc&seat=cell-1&back=https%3A%2F%2Fevil.example", true, "Sveta");
    expect(elsewhere.scene === "match" && elsewhere.data.returnTo).toBe("/editor");
  });
});
