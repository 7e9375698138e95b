import { describe, expect, it } from "vitest";
import { placeLabels, type LabelWish } from "../../client/render/labelPlacement";

const label = (x: number, bottom: number, width = 40, height = 10): LabelWish => ({ x, bottom, width, height });

describe("placing ship labels", () => {
  it("leaves a label where it wants to be when nothing is there", () => {
    expect(placeLabels([label(100, 50), label(300, 50)], [])).toEqual([50, 50]);
  });

  it("stacks labels of ships at the same place, one line above the other", () => {
    expect(placeLabels([label(100, 50), label(100, 50), label(102, 50)], [])).toEqual([50, 40, 30]);
  });

  it("climbs clear of a system's name", () => {
    const systemName = { left: 80, right: 120, top: 42, bottom: 54 };
    expect(placeLabels([label(100, 50)], [systemName])).toEqual([40]);
  });

  it("leaves out a label with no room within a few lines rather than draw it over another", () => {
    const crowd = Array.from({ length: 5 }, () => label(100, 50));
    expect(placeLabels(crowd, [])).toEqual([50, 40, 30, 20, null]);
  });

  it("counts only real overlaps: labels that merely touch stay where they are", () => {
    expect(placeLabels([label(100, 50), label(140, 50)], [])).toEqual([50, 50]);
  });
});
