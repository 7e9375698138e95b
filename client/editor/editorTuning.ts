/** The editor's numbers in one place. */
export const EDITOR_TUNING = {
  /** Systems, ships and vertices land on a grid of this many map units (hold Alt to place freely). */
  snapUnits: 10,
  /** A press that moves less than this many screen pixels is a click, not a drag (as on the match's map). */
  dragThresholdPx: 6,
  /** Zoom limits, as multiples of the whole map in view, and one wheel notch. */
  minZoom: 0.5,
  maxZoom: 8,
  wheelZoomStep: 1.15,
  /** A ship dropped within this many map units of a system starts at it; farther, at that point. */
  dropOnSystemUnits: 18,
  /** A region being drawn closes when the modder clicks within this many screen pixels of its first vertex. */
  closeRegionPx: 12,
  /** The draft is saved in the browser this long after the last edit. */
  autosaveMs: 400,
  /** How long a field stays highlighted after a problem about it is clicked. */
  focusFlashMs: 1600,
  /** How long a notice ("Link copied") stays in place of the tool's hint. */
  noticeMs: 6000,
} as const;
