/** Colours shared by the map layers and the DOM panels. */
export const palette = {
  background: 0x05070d,
  systemLabel: "#c9d2e3",
  systemStar: 0xfff1c8,
  ownShip: 0x5ee6ff,
  maquis: 0xf0a040,
  occupier: 0xe0503c,
  selection: 0xffffff,
  destination: 0x5ee6ff,
  /** Sympathy -2 … +2: active loyal, passive loyal, neutral, passive sympathy, active sympathy (Okabe-Ito: blues, grey, oranges). */
  sympathy: [0x0072b2, 0x56b4e9, 0x999999, 0xe69f00, 0xd55e00],
  engaged: 0xff5a3c,
  /** Council marks: a lime pin and label, unlike any ship, ring or region colour. */
  mark: 0xb8f060,
  markLabel: "#d6ff9c",
  /**
   * Sensor ranges, in each side's colour: faint, so the map still reads through them. The other side's
   * eyes are filled (where you would be seen); your own side's are a bare, fainter line.
   */
  sensor: {
    occupier: {
      ship: { line: 0xe0503c, lineAlpha: 0.55, fill: 0xe0503c, fillAlpha: 0.06 },
      post: { line: 0xff9a70, lineAlpha: 0.6, fill: 0xff9a70, fillAlpha: 0.035 },
    },
    maquis: {
      ship: { line: 0xf0a040, lineAlpha: 0.55, fill: 0xf0a040, fillAlpha: 0.05 },
      post: { line: 0xffc680, lineAlpha: 0.6, fill: 0xffc680, fillAlpha: 0.03 },
    },
    /** An own ring's line, as a share of the enemy's alpha. */
    ownLineShare: 0.6,
  },
  region: {
    "plasma-storm": { fill: 0x7a4dff, alpha: 0.2, line: 0xa58bff },
    nebula: { fill: 0x2fb3a0, alpha: 0.16, line: 0x5fd8c6 },
    "asteroid-field": { fill: 0x8a8577, alpha: 0.15, line: 0xb5afa0 },
    "treaty-border": { fill: 0xffffff, alpha: 0, line: 0xffd27a },
    zone: { fill: 0x2a3550, alpha: 0.12, line: 0x56688f },
  } as Record<string, { fill: number; alpha: number; line: number }>,
};

export const labelFont = '"Trebuchet MS", "Segoe UI", system-ui, sans-serif';
