/** A box on the map, in world units. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A label to place: centred on x, its bottom edge wanted at `bottom`. */
export interface LabelWish {
  x: number;
  bottom: number;
  width: number;
  height: number;
}

/** How many lines up a label may climb to find room before it is left out. */
const MAX_CLIMB = 3;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places labels so none covers another or an obstacle (the systems' names): each in turn takes the
 * lowest free line at or above where it wants to be, climbing at most MAX_CLIMB lines; a label with no
 * room is left out (null) rather than drawn over another. Returns each label's bottom edge.
 */
export function placeLabels(wishes: readonly LabelWish[], obstacles: readonly Box[]): (number | null)[] {
  const placed: Box[] = [...obstacles];
  return wishes.map((wish) => {
    for (let climb = 0; climb <= MAX_CLIMB; climb++) {
      const bottom = wish.bottom - climb * wish.height;
      const box = { left: wish.x - wish.width / 2, right: wish.x + wish.width / 2, top: bottom - wish.height, bottom };
      if (placed.some((other) => overlaps(box, other))) continue;
      placed.push(box);
      return bottom;
    }
    return null;
  });
}
