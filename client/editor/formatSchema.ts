import schemaFile from "../../docs/scenario.schema.json";
import type { FieldSchema } from "./schemaFields";

/**
 * The scenario format's JSON Schema as `npm run scenario -- schema` writes it (a test keeps the file
 * current). Read from the file rather than made from the zod schemas at run time, so the game's own
 * chunk does not take zod's converter.
 */
export const formatSchema = schemaFile as unknown as FieldSchema;
