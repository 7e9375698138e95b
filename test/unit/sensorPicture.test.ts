import { describe, expect, it } from "vitest";
import { sensorPicture, sensorPictureChanged, sensorRings, watcherKind, type SensorRing } from "../../client/render/sensorPicture";
import { formatRisk, hidingStatus, riskLevel } from "../../client/ui/hidingRisk";
import { chartDay, inTimeOrder, type HistoryPoint } from "../../client/ui/historyPoints";
import { occupierWatchers } from "../../shared/rules/detection";
import { sensorReach } from "../../shared/rules/shipStats";
import { INTEL_WATCH_LEVEL } from "../../shared/rules/tuning";
import { at, matchOf, placement, quietScenario } from "./rules/rulesHelpers";

describe("the sensor picture's rings", () => {
  it("tell the rules' own ship watchers from their fixed sensor posts and informants", () => {
    const match = matchOf(quietScenario((file) => (file.forces = [placement("galor-a", "galor", "occupier", at.open)])));
    const ungarrisoned = [...match.state.systems.values()].find((system) => system.garrison === 0 && system.population > 0)!;
    ungarrisoned.intelOccupier = INTEL_WATCH_LEVEL;
    const rings = sensorRings(occupierWatchers(match.state), "occupier", false);
    const garrisons = [...match.state.systems.values()].filter((system) => system.garrison > 0).length;
    expect(rings.filter((ring) => ring.kind === "ship")).toEqual([expect.objectContaining({ x: at.open.x, y: at.open.y })]);
    // A post for each garrison, and one where informants report.
    expect(rings.filter((ring) => ring.kind === "post")).toHaveLength(garrisons + 1);
    expect(watcherKind({ kind: "informants", x: 0, y: 0, range: 1, strength: 1, name: "Volan III" })).toBe("post");
  });

  const galor: SensorRing = { x: 100, y: 100, range: 94, kind: "ship", side: "occupier", own: false };
  const post: SensorRing = { x: 520, y: 330, range: 45, kind: "post", side: "occupier", own: false };

  it("are redrawn when a watcher moves or its range changes by a screen pixel, not for less", () => {
    const drawn = [galor, post];
    expect(sensorPictureChanged(drawn, [{ ...galor }, { ...post }], 1)).toBe(false);
    expect(sensorPictureChanged(drawn, [{ ...galor, x: 100.6, y: 100.6 }, post], 1)).toBe(false);
    expect(sensorPictureChanged(drawn, [{ ...galor, x: 100.8, y: 100.8 }, post], 1)).toBe(true);
    expect(sensorPictureChanged(drawn, [{ ...galor, range: 94 * 0.5 }, post], 1)).toBe(true);
  });

  it("measure that pixel at the current zoom: zoomed in, a smaller move shows", () => {
    const moved = [{ ...galor, x: 100.3 }, post];
    expect(sensorPictureChanged([galor, post], moved, 1)).toBe(false);
    expect(sensorPictureChanged([galor, post], moved, 1 / 4)).toBe(true);
  });

  it("are redrawn when a watcher comes into sight, drops out of it, or another takes its place", () => {
    expect(sensorPictureChanged([galor], [galor, post], 1)).toBe(true);
    expect(sensorPictureChanged([galor, post], [post], 1)).toBe(true);
    expect(sensorPictureChanged([], [], 1)).toBe(false);
    expect(sensorPictureChanged([galor], [{ ...galor, kind: "post" }], 1)).toBe(true);
    expect(sensorPictureChanged([galor], [{ ...galor, own: true }], 1)).toBe(true);
  });
});

describe("the sensor picture of each side", () => {
  const match = () =>
    matchOf(
      quietScenario((file) => {
        file.forces = [placement("galor-a", "galor", "occupier", at.open), placement("raider-a", "maquis-raider", "cell-1", at.zone)];
      }),
    );

  it("gives the Maquis their own ships' reach and informants as their own, and the occupier's eyes as the enemy's", () => {
    const { state } = match();
    const informed = [...state.systems.values()].find((system) => system.population > 0)!;
    informed.intelMaquis = INTEL_WATCH_LEVEL;
    const rings = sensorPicture(state, "maquis");
    const raider = state.ships.get("raider-a")!;
    expect(rings).toContainEqual({ x: raider.x, y: raider.y, range: sensorReach(state, raider), kind: "ship", side: "maquis", own: true });
    expect(rings).toContainEqual(expect.objectContaining({ x: informed.x, y: informed.y, kind: "post", side: "maquis", own: true }));
    expect(rings).toContainEqual(expect.objectContaining({ x: at.open.x, y: at.open.y, kind: "ship", side: "occupier", own: false }));
    // The enemy's first, so the viewer's own rings are drawn over them.
    expect(rings.findIndex((ring) => ring.own)).toBeGreaterThan(rings.findLastIndex((ring) => !ring.own));
  });

  it("gives the occupier its own eyes, and the Maquis ships it sees as the enemy's", () => {
    const { state } = match();
    const rings = sensorPicture(state, "occupier");
    expect(rings.filter((ring) => ring.side === "occupier").every((ring) => ring.own)).toBe(true);
    expect(rings.filter((ring) => ring.side === "maquis")).toEqual([expect.objectContaining({ kind: "ship", own: false })]);
    // A Maquis ship it does not see (not in its view) has no ring: its view simply lacks the ship.
    state.ships.delete("raider-a");
    expect(sensorPicture(state, "occupier").filter((ring) => ring.side === "maquis")).toEqual([]);
  });
});

describe("a hidden ship's risk line", () => {
  it("grades the odds per hour low, medium or high", () => {
    expect(riskLevel(0)).toBe("low");
    expect(riskLevel(0.009)).toBe("low");
    expect(riskLevel(0.01)).toBe("medium");
    expect(riskLevel(0.049)).toBe("medium");
    expect(riskLevel(0.05)).toBe("high");
    expect(riskLevel(0.4)).toBe("high");
  });

  it("keeps a decimal for small odds, which still add up over a day", () => {
    expect(formatRisk(0)).toBe("0%");
    expect(formatRisk(0.0004)).toBe("<0.1%");
    expect(formatRisk(0.0043)).toBe("0.4%");
    expect(formatRisk(0.123)).toBe("12%");
  });

  it("reads hidden with its odds, or seen, and says what moves them", () => {
    const hidden = hidingStatus(true, 0.12);
    expect(hidden).toMatchObject({ text: "Hidden · risk 12%/h", level: "high" });
    expect(hidden.tip).toMatch(/moving/);
    expect(hidden.tip).toMatch(/nebulae/);
    expect(hidingStatus(false, 0.12)).toMatchObject({ text: "Seen", level: "seen" });
  });
});

describe("the results charts' day axis", () => {
  const sample = (day: number, hours?: number): HistoryPoint => ({
    day,
    ...(hours === undefined ? {} : { hours }),
    maquisColonies: 0,
    loyalColonies: 0,
    exposure: 0,
    supplies: 0,
    requisition: 0,
    lostMaquis: 0,
    lostOccupier: 0,
    convoysLost: 0,
  });

  it("places a sample at the fractional day of its game hour, counted like the clock (day 1 first), or at its day when it has no hour", () => {
    // Hour 36 is noon of day 2 on the match clock.
    expect(chartDay(sample(2, 36))).toBe(2.5);
    // An hour-scale scenario samples each round within its first day.
    expect(chartDay(sample(1, 3))).toBe(1.125);
    expect(chartDay(sample(4))).toBe(4);
  });

  it("orders samples by time, rounds within one day included", () => {
    const ordered = inTimeOrder([sample(1, 5), sample(1, 1), sample(1, 3)]);
    expect(ordered.map((point) => point.hours)).toEqual([1, 3, 5]);
  });
});
