/**
 * The parts of Phaser the game uses, built from Phaser's own sources (its documented way to a custom build,
 * as its src/phaser-core.js does): about half of the full bundle, which also carries physics, tilemaps,
 * particles, sound and more. vite.config.ts puts this in place of "phaser" for the built client; the dev
 * server and the types use the full package, so the code reads the same either way.
 *
 * A game object the client adds (scene.add.x) needs its factory here; test/unit/phaserSubset.test.ts checks it.
 */
require("phaser-src/polyfills/requestVideoFrame");
const CONST = require("phaser-src/const");
const Extend = require("phaser-src/utils/object/Extend");

// The plugins every scene is built from (Phaser's DefaultPlugins.CoreScene) and the default ones the game uses.
require("phaser-src/events/EventEmitter");
require("phaser-src/cameras/2d/CameraManager");
require("phaser-src/scene/ScenePlugin");
require("phaser-src/gameobjects/DisplayList");
require("phaser-src/gameobjects/UpdateList");
require("phaser-src/gameobjects/GameObjectCreator");
require("phaser-src/gameobjects/GameObjectFactory");
require("phaser-src/input/InputPlugin");
require("phaser-src/data/DataManagerPlugin");
require("phaser-src/time/Clock");

// The game objects the scenes add: scene.add.graphics, image, text, container, circle, triangle.
require("phaser-src/gameobjects/graphics/GraphicsFactory");
require("phaser-src/gameobjects/image/ImageFactory");
require("phaser-src/gameobjects/text/TextFactory");
require("phaser-src/gameobjects/container/ContainerFactory");
require("phaser-src/gameobjects/shape/arc/ArcFactory");
require("phaser-src/gameobjects/shape/triangle/TriangleFactory");

const Phaser = {
  Cameras: { Scene2D: require("phaser-src/cameras/2d") },
  Display: { Color: require("phaser-src/display/color/Color") },
  Game: require("phaser-src/core/Game"),
  GameObjects: {
    Events: require("phaser-src/gameobjects/events"),
    GameObject: require("phaser-src/gameobjects/GameObject"),
    Graphics: require("phaser-src/gameobjects/graphics/Graphics"),
    Image: require("phaser-src/gameobjects/image/Image"),
    Text: require("phaser-src/gameobjects/text/Text"),
    Container: require("phaser-src/gameobjects/container/Container"),
    Arc: require("phaser-src/gameobjects/shape/arc/Arc"),
    Triangle: require("phaser-src/gameobjects/shape/triangle/Triangle"),
  },
  Input: require("phaser-src/input"),
  Math: { Vector2: require("phaser-src/math/Vector2"), Clamp: require("phaser-src/math/Clamp") },
  Renderer: require("phaser-src/renderer"),
  Scale: require("phaser-src/scale"),
  Scene: require("phaser-src/scene/Scene"),
  Scenes: require("phaser-src/scene"),
  Textures: require("phaser-src/textures"),
};

module.exports = Extend(false, Phaser, CONST);
