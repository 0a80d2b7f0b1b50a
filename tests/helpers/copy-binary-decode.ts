/**
 * Reads PostgreSQL binary COPY tuples back (tests only): the inverse of lib/customers/import/copy-binary
 * for the types the line tables use. Numerics come back as decimal strings with their dscale,
 * timestamps as ISO strings (millisecond precision, as the import's instants have).
 */
export type CopyType = "uuid" | "text" | "timestamptz" | "numeric" | "bool";
export type CopyValue = string | boolean | null;

const PG_EPOCH_MS = 946_684_800_000n;

export function decodeTuples(bytes: Uint8Array, types: readonly CopyType[]): CopyValue[][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: CopyValue[][] = [];
  let o = 0;
  while (o < bytes.length) {
    const count = view.getInt16(o);
    o += 2;
    if (count === -1) break; // trailer
    if (count !== types.length) throw new Error(`tuple at ${o - 2} has ${count} fields, expected ${types.length}`);
    const row: CopyValue[] = [];
    for (const type of types) {
      const length = view.getInt32(o);
      o += 4;
      if (length === -1) {
        row.push(null);
        continue;
      }
      row.push(decodeValue(type, view, bytes, o, length));
      o += length;
    }
    rows.push(row);
  }
  return rows;
}

function decodeValue(type: CopyType, view: DataView, bytes: Uint8Array, o: number, length: number): CopyValue {
  switch (type) {
    case "text":
      return Buffer.from(bytes.buffer, bytes.byteOffset + o, length).toString("utf8");
    case "uuid": {
      const hex = Buffer.from(bytes.buffer, bytes.byteOffset + o, 16).toString("hex");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    case "bool":
      return bytes[o] === 1;
    case "timestamptz": {
      const micros = view.getBigInt64(o);
      if (micros % 1000n !== 0n) throw new Error("sub-millisecond timestamp");
      return new Date(Number(micros / 1000n + PG_EPOCH_MS)).toISOString();
    }
    case "numeric": {
      const ndigits = view.getInt16(o);
      const weight = view.getInt16(o + 2);
      const sign = view.getUint16(o + 4);
      const dscale = view.getInt16(o + 6);
      if (length !== 8 + 2 * ndigits) throw new Error("numeric length");
      const digits: number[] = [];
      for (let i = 0; i < ndigits; i++) {
        const d = view.getInt16(o + 8 + 2 * i);
        if (d < 0 || d >= 10000) throw new Error(`numeric digit ${d}`);
        digits.push(d);
      }
      // Integer groups are digits[0..weight], the rest are fraction groups.
      let int = "";
      for (let w = weight, i = 0; w >= 0; w--, i++) int += (i === 0 ? String(digits[i] ?? 0) : String(digits[i] ?? 0).padStart(4, "0"));
      if (int === "") int = "0";
      let frac = "";
      for (let w = -1; w >= -Math.ceil(dscale / 4) - 1; w--) {
        const i = weight - w;
        frac += String(digits[i] ?? 0).padStart(4, "0");
      }
      frac = frac.slice(0, dscale);
      const text = dscale > 0 ? `${int}.${frac}` : int;
      return sign === 0x4000 ? `-${text}` : text;
    }
  }
}
