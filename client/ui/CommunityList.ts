import { css, html, LitElement } from "lit";
import type { CommunityEntry, CommunityQuery } from "../../shared/protocol/communityMessages";
import { LIMITS } from "../../shared/protocol/limits";
import type { ScenarioSummary } from "../../shared/scenario/scenarioSchema";
import { communityDownloadUrl, listCommunity } from "../net/community";
import { lengthLine, universeNames } from "./BriefingScreen";

/** Typing in a filter asks the server again once the player pauses this long. */
const SEARCH_PAUSE_MS = 250;

type Filters = { q: string; era: "" | NonNullable<CommunityQuery["era"]>; author: string };

/**
 * The community's published scenarios, searchable by title, era and author: each can be played (fires
 * "choose" with its summary, as the campaign list does, so the same briefing and seat choice follow)
 * or downloaded as its file. Everything an author wrote is shown as text.
 */
export class CommunityList extends LitElement {
  static properties = {
    load: { attribute: false },
    entries: { state: true },
    problem: { state: true },
  };
  /** Asks the server for the list (tests give their own). */
  declare load: (query: CommunityQuery) => Promise<CommunityEntry[]>;
  /** null until the first answer. */
  declare entries: CommunityEntry[] | null;
  declare problem: string;
  private filters: Filters = { q: "", era: "", author: "" };
  private pause: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests: an answer to an older one than the latest is dropped. */
  private asked = 0;

  constructor() {
    super();
    this.load = listCommunity;
    this.entries = null;
    this.problem = "";
  }

  static styles = css`
    :host { display: block; }
    .filters { display: grid; grid-template-columns: 1fr auto; gap: 6px; margin: 8px 0; }
    .filters label { display: grid; gap: 2px; font-size: 13px; color: #8994ab; }
    .filters .wide { grid-column: 1 / -1; }
    input, select { font: inherit; background: #131a2a; color: inherit; border: 1px solid #2c3850; border-radius: 4px; padding: 5px 7px; }
    input:focus-visible, select:focus-visible { border-color: #f0a040; outline: none; }
    .entry { display: grid; grid-template-columns: 1fr auto; gap: 6px; align-items: start; margin: 6px 0; }
    button { display: block; width: 100%; text-align: left; padding: 10px 12px; border-radius: 6px; cursor: pointer;
      background: #131a2a; color: inherit; border: 1px solid #2c3850; font: inherit; }
    button:hover, button:focus-visible { border-color: #f0a040; outline: none; }
    a { color: #f0a040; font-size: 13px; padding: 10px 4px; }
    .meta { color: #8994ab; font-size: 13px; }
    .changelog { white-space: pre-line; }
    .empty { color: #9aa4b8; }
    .problem { color: #ff8a75; }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pause);
  }

  render() {
    return html`<div class="filters">
        <label class="wide">Title <input type="search" data-community-search placeholder="Search titles" maxlength="80" @input=${(event: Event) => this.filter("q", event)} /></label>
        <label>Author <input type="search" data-community-author placeholder="Any author" maxlength=${LIMITS.authorCharacters} @input=${(event: Event) => this.filter("author", event)} /></label>
        <label>Era <select data-community-era @change=${(event: Event) => this.filter("era", event, 0)}>
          <option value="">Any era</option>
          ${Object.entries(universeNames).map(([id, name]) => html`<option value=${id}>${name}</option>`)}
        </select></label>
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : null}
      ${this.renderEntries()}`;
  }

  private renderEntries() {
    if (this.entries === null) return this.problem ? null : html`<p class="empty">Loading the community's scenarios…</p>`;
    if (this.entries.length === 0) {
      const filtered = this.filters.q || this.filters.era || this.filters.author;
      return html`<p class="empty" data-community-empty>
        ${filtered
          ? "No community scenario matches these filters."
          : "There are no community scenarios yet. Scenarios are made in the editor; once one is published there, it is listed here for everyone."}
      </p>`;
    }
    return this.entries.map(
      (entry) => html`<div class="entry">
        <button data-community-scenario=${entry.id} @click=${() => this.choose(entry.summary)}>
          ${entry.title}
          <div class="meta">${entry.year} · ${universeNames[entry.universe] ?? entry.universe} · ${lengthLine(entry.summary)}</div>
          <div class="meta" data-community-author-line>by ${entry.author} · version ${entry.version}</div>
          ${entry.changelog ? html`<div class="meta changelog">${entry.changelog}</div>` : null}
        </button>
        <a data-community-download href=${communityDownloadUrl(entry.id)} download=${`${entry.id}-v${entry.version}.json`}>Download</a>
      </div>`,
    );
  }

  /** A filter changed: ask again once typing pauses (a choice from the era list asks at once). */
  private filter(key: keyof Filters, event: Event, pauseMs = SEARCH_PAUSE_MS): void {
    this.filters = { ...this.filters, [key]: (event.target as HTMLInputElement | HTMLSelectElement).value };
    clearTimeout(this.pause);
    this.pause = setTimeout(() => void this.refresh(), pauseMs);
  }

  private async refresh(): Promise<void> {
    const asked = ++this.asked;
    const { q, era, author } = this.filters;
    try {
      const entries = await this.load({ q: q.trim(), author: author.trim(), ...(era ? { era } : {}) });
      if (asked !== this.asked) return;
      this.entries = entries;
      this.problem = "";
    } catch (error) {
      if (asked !== this.asked) return;
      this.problem = `The community's scenarios are not available right now: ${(error as Error).message}.`;
    }
  }

  private choose(summary: ScenarioSummary): void {
    this.dispatchEvent(new CustomEvent<ScenarioSummary>("choose", { detail: summary }));
  }
}
customElements.define("community-list", CommunityList);
