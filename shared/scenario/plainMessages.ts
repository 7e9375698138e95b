import type { z } from "zod";

const quoted = (value: unknown) => JSON.stringify(value);
const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/**
 * The parser's problems in plain words, for modders reading them in the editor or from the check
 * command: "must not be empty" rather than "Too small: expected string to have >=1 characters".
 * Messages the format writes itself (refinements, cross-references) are kept as they are; for any
 * issue not listed here zod's own message stands.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "too_small": {
      const { origin, minimum, inclusive } = issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>;
      if (origin === "string") return Number(minimum) <= 1 ? "must not be empty" : `must be at least ${plural(minimum, "character", "characters")} long`;
      if (origin === "array") return `needs at least ${plural(minimum, "item", "items")}`;
      return inclusive === false ? `must be more than ${minimum}` : `must be at least ${minimum}`;
    }
    case "too_big": {
      const { origin, maximum, inclusive } = issue as z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>;
      if (origin === "string") return `must be at most ${plural(maximum, "character", "characters")} long`;
      if (origin === "array") return `may have at most ${plural(maximum, "item", "items")}`;
      return inclusive === false ? `must be less than ${maximum}` : `must be at most ${maximum}`;
    }
    case "invalid_type": {
      const { expected } = issue as z.core.$ZodRawIssue<z.core.$ZodIssueInvalidType>;
      if (issue.input === undefined) return "is missing";
      return `must be ${TYPE_WORDS[expected] ?? expected}`;
    }
    case "invalid_value": {
      const { values } = issue as z.core.$ZodRawIssue<z.core.$ZodIssueInvalidValue>;
      return values.length === 1 ? `must be ${quoted(values[0])}` : `must be one of ${values.map(quoted).join(", ")}`;
    }
    case "unrecognized_keys": {
      const { keys } = issue as z.core.$ZodRawIssue<z.core.$ZodIssueUnrecognizedKeys>;
      return `has ${keys.length === 1 ? "a field" : "fields"} the format does not know: ${keys.map(quoted).join(", ")}`;
    }
    case "invalid_union": {
      // A discriminated union (seats by "side", goals, conditions and effects by "kind") names what told them apart.
      const discriminator = (issue as { discriminator?: unknown }).discriminator;
      return typeof discriminator === "string" ? `its "${discriminator}" must be one of the kinds the format knows` : "does not match any of the forms this field can take";
    }
    default:
      return undefined;
  }
}
