/** "2370 · day 3, 14:00" from the scenario year and hours elapsed since its start. */
export function formatClock(year: number, hours: number): string {
  const day = Math.floor(hours / 24) + 1;
  const hour = Math.floor(hours % 24);
  return `${year} · day ${day}, ${String(hour).padStart(2, "0")}:00`;
}
