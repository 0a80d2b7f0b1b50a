const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are checked before they reach SQL, where a malformed uuid would be a 500 instead of a 404. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
