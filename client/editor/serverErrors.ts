/** What an API refusal says, in plain words: its message and, for a scenario, the first of its problems. */
export async function refusalText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: string; problems?: { path: string; message: string }[] };
    const first = body.problems?.[0];
    return [body.message, first ? `${first.path}: ${first.message}` : ""].filter(Boolean).join(" — ") || `the server answered ${response.status}`;
  } catch {
    return `the server answered ${response.status}`;
  }
}
