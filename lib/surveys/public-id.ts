import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const PUBLIC_ID_LENGTH = 12;

/**
 * A random id for public survey links (62^12 ≈ 3·10^21 values, so links cannot be guessed).
 * Bytes ≥ 248 are skipped so every character is equally likely.
 */
export function newPublicId(length = PUBLIC_ID_LENGTH): string {
  let id = "";
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && id.length < length) id += BASE62[byte % 62];
    }
  }
  return id;
}
