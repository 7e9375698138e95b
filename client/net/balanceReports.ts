import type { BalanceJobView, BalanceProblemAnswer, BalanceRequest } from "../../shared/protocol/balanceMessages";

/* The editor's balance reports on the server (server/http/balanceApi.ts): start one, follow it, cancel it. */

/** A refusal from the balance API, in the server's own words; `problems` names the draft's fields to fix. */
export class BalanceRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function refusalOf(response: Response): Promise<BalanceRefusal> {
  const body = (await response.json().catch(() => ({}))) as Partial<BalanceProblemAnswer>;
  const message = typeof body.message === "string" ? body.message : `the server answered ${response.status}`;
  return new BalanceRefusal(message, response.status, Array.isArray(body.problems) ? body.problems : []);
}

/** Starts a report of the draft; resolves to its job id. */
export async function startBalanceReport(request: BalanceRequest): Promise<string> {
  const response = await fetch("/api/balance", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
  if (!response.ok) throw await refusalOf(response);
  return ((await response.json()) as { jobId: string }).jobId;
}

export async function balanceReportStatus(jobId: string): Promise<BalanceJobView> {
  const response = await fetch(`/api/balance/${encodeURIComponent(jobId)}`, { cache: "no-store" });
  if (!response.ok) throw await refusalOf(response);
  return (await response.json()) as BalanceJobView;
}

/** Only the player who started the report may cancel it. */
export async function cancelBalanceReport(jobId: string, player: string): Promise<BalanceJobView> {
  const response = await fetch(`/api/balance/${encodeURIComponent(jobId)}?player=${encodeURIComponent(player)}`, { method: "DELETE" });
  if (!response.ok) throw await refusalOf(response);
  return (await response.json()) as BalanceJobView;
}
