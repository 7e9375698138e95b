import { z } from "zod";
import { idSchema } from "./idSchema";

/** The order in which the bundled scenarios tell the history, era by era. */
export const campaignSchema = z
  .object({
    title: z.string().min(1).max(80),
    eras: z
      .array(
        z
          .object({
            id: z.enum(["primary", "mirror", "reborn"]),
            title: z.string().min(1).max(80),
            scenarios: z.array(idSchema).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Campaign = z.infer<typeof campaignSchema>;
