import { auth } from "./auth";
import { customers } from "./customers";
import { personas } from "./personas";
import { shell } from "./shell";
import { workspace } from "./workspace";
import { segments } from "./segments";
import { survey } from "./survey";

/** Every area's texts; add an area here when it gets its own file. */
export const messages = { shell, auth, workspace, customers, segments, personas, survey };

type Messages = typeof messages;
export type MessageKey = { [A in keyof Messages]: `${A & string}.${keyof Messages[A]["en"] & string}` }[keyof Messages];
