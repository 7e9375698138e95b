import { css, html, LitElement, nothing } from "lit";
import { LIMITS } from "../../shared/protocol/limits";
import { browserStorage } from "../browserStorage";
import { panelStyles } from "../ui/panelStyles";
import { keepEditToken, readEditTokens } from "./draftStorage";
import type { EditorModel } from "./editorModel";
import { refusalText } from "./serverErrors";

const AUTHOR_KEY = "maquis.editor.author";

interface PublishedVersion {
  version: number;
}

/**
 * Publishing the draft to the server's scenario library: author, version and changelog. The first
 * publish of an id gives a secret edit token, kept in this browser and shown once to copy; only its
 * holder can publish later versions, each numbered higher than the last. An invalid draft cannot be published.
 */
export class PublishPanel extends LitElement {
  static properties = {
    model: { attribute: false },
    author: { state: true },
    version: { state: true },
    changelog: { state: true },
    token: { state: true },
    latest: { state: true },
    message: { state: true },
    refusal: { state: true },
    busy: { state: true },
    shownToken: { state: true },
  };
  declare model: EditorModel;
  declare author: string;
  declare version: number;
  declare changelog: string;
  declare token: string;
  declare latest: number | null;
  declare message: string;
  declare refusal: string;
  declare busy: boolean;
  declare shownToken: string;
  private checkedId = "";

  constructor() {
    super();
    this.author = browserStorage()?.getItem(AUTHOR_KEY) ?? "";
    this.version = 1;
    this.changelog = "";
    this.token = "";
    this.latest = null;
    this.message = "";
    this.refusal = "";
    this.busy = false;
    this.shownToken = "";
  }

  static styles = [
    panelStyles,
    css`
      label { display: block; margin: 6px 0 2px; color: #9fb0cf; }
      input, textarea { width: 100%; box-sizing: border-box; background: #0b1222; color: #e6ecf7; border: 1px solid #34425f; border-radius: 4px; padding: 5px 6px; font: inherit; }
      textarea { min-height: 70px; }
      .token { font-family: ui-monospace, monospace; word-break: break-all; background: #1d2a17; padding: 6px; border-radius: 4px; }
      .ok { color: #8fd694; }
    `,
  ];

  private get scenarioId(): string {
    return typeof this.model.draft.id === "string" ? this.model.draft.id : "";
  }

  protected willUpdate(): void {
    if (this.scenarioId !== this.checkedId) {
      this.checkedId = this.scenarioId;
      this.token = readEditTokens()[this.scenarioId] ?? "";
      void this.readLatest(this.scenarioId);
    }
  }

  /** The last version published under this id, so the next number is offered. */
  private async readLatest(id: string): Promise<void> {
    this.latest = null;
    if (!id) return;
    try {
      const response = await fetch(`/api/community/scenarios/${encodeURIComponent(id)}/versions`);
      if (!response.ok || id !== this.scenarioId) return;
      const versions = (await response.json()) as PublishedVersion[];
      this.latest = versions.reduce((highest, entry) => Math.max(highest, entry.version), 0) || null;
      this.version = (this.latest ?? 0) + 1;
    } catch {
      // Offline: the server says what is wrong when the modder publishes.
    }
  }

  private async publish(): Promise<void> {
    this.busy = true;
    this.message = "";
    this.refusal = "";
    browserStorage()?.setItem(AUTHOR_KEY, this.author);
    try {
      const response = await fetch("/api/community/scenarios", {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ scenario: this.model.draft, author: this.author, version: this.version, changelog: this.changelog }),
      });
      if (!response.ok) {
        this.refusal = await refusalText(response);
        return;
      }
      const published = (await response.json()) as { id: string; version: number; editToken?: string };
      if (published.editToken) {
        keepEditToken(published.id, published.editToken);
        this.token = published.editToken;
        this.shownToken = published.editToken;
      }
      this.latest = published.version;
      this.version = published.version + 1;
      this.changelog = "";
      this.message = `Published "${published.id}" version ${published.version}. It is listed under Community in the game's menu.`;
    } catch {
      this.refusal = "the server did not answer";
    } finally {
      this.busy = false;
    }
  }

  render() {
    const problems = this.model.problems.length;
    return html`<h3>Publish</h3>
      <p class="meta">${this.latest === null
        ? `"${this.scenarioId}" has not been published yet. The first publish gives you a secret edit token: keep it, only its holder can publish new versions.`
        : `"${this.scenarioId}" is published up to version ${this.latest}.`}</p>
      ${/^my-scenario(-[a-z0-9]{4})?$/.test(this.scenarioId)
        ? html`<p class="meta" data-template-id>"${this.scenarioId}" is the template's id: give the scenario an id of its own on the Scenario tab (players and links will see it).</p>`
        : nothing}
      <label for="author">Author</label>
      <input id="author" data-author maxlength=${LIMITS.authorCharacters} .value=${this.author} @input=${(event: Event) => (this.author = (event.target as HTMLInputElement).value)} />
      <label for="version">Version</label>
      <input id="version" data-version type="number" min="1" step="1" .value=${String(this.version)} @input=${(event: Event) => (this.version = Number((event.target as HTMLInputElement).value))} />
      <label for="changelog">What changed</label>
      <textarea id="changelog" data-changelog maxlength=${LIMITS.changelogCharacters} .value=${this.changelog} @input=${(event: Event) => (this.changelog = (event.target as HTMLTextAreaElement).value)}></textarea>
      <label for="token">Edit token ${this.latest === null ? "(not needed for a first publish)" : ""}</label>
      <input id="token" data-token type="password" autocomplete="off" .value=${this.token} @input=${(event: Event) => (this.token = (event.target as HTMLInputElement).value.trim())} />
      <button data-publish ?disabled=${this.busy || problems > 0 || this.author.trim() === ""} @click=${() => void this.publish()}>
        ${problems > 0 ? `Fix the ${problems} problem${problems === 1 ? "" : "s"} to publish` : this.author.trim() === "" ? "Give your name as author to publish" : "Publish"}</button>
      ${this.refusal ? html`<p class="refusal" role="alert" data-publish-refusal>Not published: ${this.refusal}.</p>` : nothing}
      ${this.refusal && /edit token/.test(this.refusal)
        ? html`<p class="meta">If this is a scenario of your own rather than a new version of that one, give it an id of its own on the Scenario tab.</p>`
        : nothing}
      ${this.message ? html`<p class="ok" role="status" data-published>${this.message}</p>` : nothing}
      ${this.shownToken
        ? html`<p>Your edit token for "${this.scenarioId}" (kept in this browser; copy it somewhere safe to publish from elsewhere):</p>
            <div class="token" data-edit-token>${this.shownToken}</div>
            <button @click=${() => void navigator.clipboard?.writeText(this.shownToken)}>Copy the token</button>`
        : nothing}`;
  }
}

customElements.define("publish-panel", PublishPanel);
