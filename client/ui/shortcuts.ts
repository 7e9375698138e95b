/** The parts of a KeyboardEvent a shortcut reads. */
export interface KeyPress {
  key: string;
  repeat: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What a shortcut asks the match to do. */
export type ShortcutAction =
  | { kind: "escape" }
  | { kind: "help" }
  | { kind: "pause" }
  /** The n-th speed the controls offer, counting from 0 for the slowest that is not a pause. */
  | { kind: "speed"; index: number }
  | { kind: "nextShip"; step: 1 | -1 }
  | { kind: "centre" }
  | { kind: "moveTo" }
  /** The n-th operation in the panel's list. */
  | { kind: "operation"; index: number }
  | { kind: "pan"; dx: number; dy: number }
  | { kind: "zoom"; factor: number }
  | { kind: "sensors" }
  | { kind: "mark" }
  | { kind: "briefing" };

/** The operations panel's keys, in its order: the top row of letters, then the home row (G is taken), as strategy games put commands. */
export const OPERATION_KEYS = ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "a", "s", "d", "f", "h", "j", "k", "l"] as const;
/** How far an arrow key pans, as a share of the screen. */
const PAN_STEP = 0.15;
const ZOOM_STEP = 1.25;

/** Every shortcut in words, for the help overlay and the README. */
export const SHORTCUT_HELP: readonly { keys: string; what: string }[] = [
  { keys: "?", what: "Show or hide this list" },
  { keys: "Space", what: "Pause, or resume at the speed you voted before" },
  { keys: "1 2 3 4 5", what: "Vote for a speed: 1×, 2×, 4×, 8×, 16× (as the match offers)" },
  { keys: "N / Shift+N", what: "Select the next / previous ship of yours" },
  { keys: "C", what: "Centre the map on the selected ship" },
  { keys: "G", what: "Send the selected ship: choose where from a list" },
  { keys: "Q W E R T Y U I O P, A S D F H J K L", what: "Give one of the selected ship's operations (each button shows its key)" },
  { keys: "Arrow keys", what: "Pan the map" },
  { keys: "+ / −", what: "Zoom in / out" },
  { keys: "V", what: "Show or hide the sensor ranges" },
  { keys: "M", what: "Pin a council mark on the map" },
  { keys: "B", what: "Read the briefing again" },
  { keys: "Esc", what: "Close what is open, cancel a mark, or clear the selection" },
];

const plain: Record<string, ShortcutAction> = {
  "?": { kind: "help" },
  " ": { kind: "pause" },
  n: { kind: "nextShip", step: 1 },
  c: { kind: "centre" },
  g: { kind: "moveTo" },
  v: { kind: "sensors" },
  m: { kind: "mark" },
  b: { kind: "briefing" },
  "+": { kind: "zoom", factor: ZOOM_STEP },
  "=": { kind: "zoom", factor: ZOOM_STEP },
  "-": { kind: "zoom", factor: 1 / ZOOM_STEP },
  ArrowLeft: { kind: "pan", dx: -PAN_STEP, dy: 0 },
  ArrowRight: { kind: "pan", dx: PAN_STEP, dy: 0 },
  ArrowUp: { kind: "pan", dx: 0, dy: -PAN_STEP },
  ArrowDown: { kind: "pan", dx: 0, dy: PAN_STEP },
};

/**
 * What a key press asks for, or null when it is not a shortcut. Escape always counts (it closes
 * things even from a field); every other key is ignored while typing, with Ctrl, Cmd or Alt held,
 * and on auto-repeat (except panning and zooming, which may be held down).
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | null {
  if (press.key === "Escape") return { kind: "escape" };
  if (typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const action = key === "n" && press.shiftKey ? ({ kind: "nextShip", step: -1 } as const) : speedKey(key) ?? operationKey(key) ?? plain[key];
  if (!action) return null;
  if (press.repeat && action.kind !== "pan" && action.kind !== "zoom") return null;
  return action;
}

function speedKey(key: string): ShortcutAction | undefined {
  return /^[1-5]$/.test(key) ? { kind: "speed", index: Number(key) - 1 } : undefined;
}

function operationKey(key: string): ShortcutAction | undefined {
  const index = (OPERATION_KEYS as readonly string[]).indexOf(key);
  return index >= 0 ? { kind: "operation", index } : undefined;
}
