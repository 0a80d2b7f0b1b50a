/**
 * Which design version a respondent sees, derived from a stable key of theirs (submission key,
 * contact id…): the same key always gets the same version, so a reload or resume shows the same
 * sets, and many keys spread evenly over the versions without any shared counter.
 */
export function maxDiffVersionForKey(key: string, versionCount: number): number {
  if (!Number.isInteger(versionCount) || versionCount < 1) throw new Error(`versionCount must be a positive integer, got ${versionCount}`);
  // FNV-1a over UTF-16 code units, then a murmur3 finaliser so that similar keys land far apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % versionCount;
}
