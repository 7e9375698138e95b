/**
 * StateView tags (powers of two) for fields only some seats may read. A client's view holds an
 * entity with DEFAULT visibility when its side can see it, and adds a tag for the extra fields.
 */
/** Orders, routes and cargo of a ship: its own side only. */
export const OWN_SIDE_TAG = 2;
/** The occupier's intelligence on a system. */
export const OCCUPIER_INTEL_TAG = 4;
/** The Maquis' intelligence on a system. */
export const MAQUIS_INTEL_TAG = 8;
/** Server-only values (the random generator's state): no client view ever holds this tag. */
export const SERVER_ONLY_TAG = 64;
