import Phaser from "phaser";
import { MenuScreens, type MenuData } from "../menu/MenuScreens";
import { drawStarfield } from "../render/starfield";

export type { MenuData } from "../menu/MenuScreens";

/** The menu over a starfield: its screens are HTML (MenuScreens); a chosen match starts the match scene. */
export class MenuScene extends Phaser.Scene {
  private screens: MenuScreens | null = null;

  constructor() {
    super("menu");
  }

  /** `screens`: menu screens the page already shows (opened before the game had loaded), taken over as they are. */
  create(data: MenuData & { screens?: MenuScreens }): void {
    drawStarfield(this, { x: 0, y: 0, width: this.scale.width, height: this.scale.height }, 1);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.screens?.close();
      this.screens = null;
    });
    if (data.screens) {
      this.screens = data.screens;
      return;
    }
    this.screens = new MenuScreens((match) => this.scene.start("match", match));
    this.screens.show(data);
  }
}
