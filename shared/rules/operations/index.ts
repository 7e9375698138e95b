import type { OrderKind } from "../../protocol/orders";
import { agitate } from "./agitate";
import { aid } from "./aid";
import { ambush } from "./ambush";
import { assault } from "./assault";
import { breakOff } from "./breakOff";
import { chooseBase } from "./chooseBase";
import { convoy } from "./convoy";
import { crackdown } from "./crackdown";
import { evacuate } from "./evacuate";
import { garrison } from "./garrison";
import { goDark } from "./goDark";
import { informants } from "./informants";
import { mark } from "./mark";
import { move } from "./move";
import type { Operation } from "./operation";
import { patrol } from "./patrol";
import { raid } from "./raid";
import { recruit } from "./recruit";
import { reinforce } from "./reinforce";
import { sabotage } from "./sabotage";
import { smuggle } from "./smuggle";
import { strike } from "./strike";
import { sweep } from "./sweep";
import { transfer } from "./transfer";

/** Every order kind and the rule that handles it. */
export const operations: { [K in OrderKind]: Operation<K> } = {
  move,
  patrol,
  recruit,
  agitate,
  smuggle,
  transfer,
  raid,
  sabotage,
  ambush,
  evacuate,
  goDark,
  strike,
  sweep,
  assault,
  garrison,
  convoy,
  informants,
  crackdown,
  aid,
  reinforce,
  breakOff,
  chooseBase,
  mark,
};

/** Maquis operations in the order the panel lists them. */
export const maquisOperationKinds = ["recruit", "agitate", "smuggle", "transfer", "raid", "sabotage", "ambush", "evacuate", "goDark", "strike"] as const;
/** Occupier operations in the order the panel lists them. */
export const occupierOperationKinds = ["patrol", "sweep", "assault", "garrison", "convoy", "informants", "aid", "crackdown", "reinforce"] as const;
