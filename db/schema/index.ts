export * from "./accounts";
export * from "./studies";
export * from "./surveys";
export * from "./segments";
export * from "./personas";
export * from "./distribution";
export * from "./jobs";
export * from "./customers";
