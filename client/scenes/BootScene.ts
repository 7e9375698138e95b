import Phaser from "phaser";
import { hasSavedSession } from "../net/connection";
import type { CampaignEra } from "../ui/ScenarioMenu";
import { labelFont } from "../theme";

export const CAMPAIGN_KEY = "campaign";

/** Loads what the menu needs, with a progress bar, then hands over to the menu. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super("boot");
  }

  preload(): void {
    const { width, height } = this.scale;
    const barWidth = Math.min(420, width * 0.7);
    const left = (width - barWidth) / 2;
    const top = height / 2;
    this.add.text(width / 2, top - 40, "MAQUIS", { fontFamily: labelFont, fontSize: "28px", color: "#f0a040" }).setOrigin(0.5);
    this.add.rectangle(left, top, barWidth, 10).setOrigin(0, 0.5).setStrokeStyle(1, 0x56688f);
    const fill = this.add.rectangle(left + 2, top, 0, 6, 0xf0a040).setOrigin(0, 0.5);
    const caption = this.add.text(width / 2, top + 24, "Loading…", { fontFamily: labelFont, fontSize: "14px", color: "#8994ab" }).setOrigin(0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      fill.width = (barWidth - 4) * progress;
    });
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => {
      caption.setText(`Could not load ${file.key}; is the server running?`).setColor("#e0503c");
    });
    this.load.json(CAMPAIGN_KEY, "/api/campaign");
  }

  create(): void {
    const eras = (this.cache.json.get(CAMPAIGN_KEY) as CampaignEra[] | undefined) ?? [];
    // An invite link (?join=CODE) joins that match; a reload in the middle of a match goes straight back to it.
    const params = new URLSearchParams(location.search);
    const invite = params.get("join");
    const replay = params.get("replay");
    if (replay) {
      history.replaceState(null, "", location.pathname);
      this.scene.start("match", { eras, replay });
    } else if (invite) {
      history.replaceState(null, "", location.pathname);
      this.scene.start("match", { eras, joinById: { roomId: invite.trim().toUpperCase(), name: localStorage.getItem("maquis.playerName") || "Player" } });
    } else if (hasSavedSession()) this.scene.start("match", { eras, rejoin: true });
    else this.scene.start("menu", { eras });
  }
}
