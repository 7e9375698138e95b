/** How a hidden ship's chance of being seen reads at a glance. */
export type RiskLevel = "low" | "medium" | "high";

/**
 * At 1%/h a ship expects about a hundred hours (of the scenario's time unit) unseen, days of play; at
 * 5%/h about twenty, so it will likely be found before the day is out.
 */
const MEDIUM_RISK = 0.01;
const HIGH_RISK = 0.05;

export function riskLevel(riskPerHour: number): RiskLevel {
  if (riskPerHour >= HIGH_RISK) return "high";
  return riskPerHour >= MEDIUM_RISK ? "medium" : "low";
}

/** "12%", "3%", "0.4%": small odds keep a decimal, since they still add up over a day. */
export function formatRisk(riskPerHour: number): string {
  const percent = riskPerHour * 100;
  if (percent === 0) return "0%";
  if (percent < 0.1) return "<0.1%";
  return percent < 1 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

/** A ship's line in the fleet list and operations panel: hidden with its odds of being seen, or already seen. */
export interface HidingStatus {
  text: string;
  level: RiskLevel | "seen";
  tip: string;
}

const HIDDEN_TIP =
  "Chance per hour that the occupier spots this ship. Higher while moving or running an operation, in open space, and close to their ships and sensor posts. Lower in plasma storms, nebulae and asteroid belts, and parked at a hollowed moon.";
const SEEN_TIP = "The occupier can see this ship. Order it to go dark and keep it out of their sensors for a while to hide it again.";

export function hidingStatus(underground: boolean, riskPerHour: number): HidingStatus {
  if (!underground) return { text: "Seen", level: "seen", tip: SEEN_TIP };
  return { text: `Hidden · risk ${formatRisk(riskPerHour)}/h`, level: riskLevel(riskPerHour), tip: HIDDEN_TIP };
}
