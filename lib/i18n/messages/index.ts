import { auth } from "./auth";
import { customers } from "./customers";
import { shell } from "./shell";
import { workspace } from "./workspace";

/** Every area's texts; add an area here when it gets its own file. */
export const messages = { shell, auth, workspace, customers };

type Messages = typeof messages;
export type MessageKey = { [A in keyof Messages]: `${A & string}.${keyof Messages[A]["en"] & string}` }[keyof Messages];
