import { describe, expect, it } from "vitest";
import { INTERPOLATION_DELAY_MS, PositionBuffer } from "../../client/render/interpolation";

describe("position interpolation", () => {
  it("draws ships between the two patches around the render time", () => {
    const buffer = new PositionBuffer();
    buffer.push(1000, 0, 0);
    buffer.push(1100, 10, 20);
    expect(buffer.at(1050 + INTERPOLATION_DELAY_MS)).toEqual({ x: 5, y: 10 });
  });

  it("holds the oldest position before the buffer and the newest after it", () => {
    const buffer = new PositionBuffer();
    buffer.push(1000, 1, 1);
    buffer.push(1100, 3, 3);
    expect(buffer.at(900)).toEqual({ time: 1000, x: 1, y: 1 });
    expect(buffer.at(5000)).toEqual({ time: 1100, x: 3, y: 3 });
  });
});
