import { describe, expect, it } from "vitest";
import { asSentence } from "../../client/ui/asSentence";

describe("a refusal as a person reads it", () => {
  it("starts with a capital and ends with a stop, keeping a stop it already has", () => {
    expect(asSentence("that point (-153, 40) lies off the 1000×800 map")).toBe("That point (-153, 40) lies off the 1000×800 map.");
    expect(asSentence("waiting for: Hudson's cell")).toBe("Waiting for: Hudson's cell.");
    expect(asSentence("Already a sentence!")).toBe("Already a sentence!");
    expect(asSentence("  ")).toBe("");
  });
});
