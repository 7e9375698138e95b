/** A refusal as a person reads it: "raider-1 is busy" becomes "Raider-1 is busy." (the server's messages are clauses). */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === "") return "";
  const capital = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
