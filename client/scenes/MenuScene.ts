import Phaser from "phaser";
import { drawStarfield } from "../render/starfield";
import { uiRoot } from "../ui/overlay";
import { ScenarioMenu, type CampaignEra, type JoinRequest } from "../ui/ScenarioMenu";

export interface MenuData {
  eras: CampaignEra[];
  /** Why the player is back at the menu, e.g. a refused join. */
  problem?: string;
}

export class MenuScene extends Phaser.Scene {
  constructor() {
    super("menu");
  }

  create(data: MenuData): void {
    drawStarfield(this, { x: 0, y: 0, width: this.scale.width, height: this.scale.height }, 1);
    const menu = new ScenarioMenu();
    menu.eras = data.eras;
    menu.problem = data.problem ?? "";
    menu.addEventListener("join", (event) => {
      const request = (event as CustomEvent<JoinRequest>).detail;
      this.scene.start("match", { ...request, eras: data.eras });
    });
    uiRoot().append(menu);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => menu.remove());
  }
}
