/** Parses small, well-formed CSV files (quoted fields may hold commas); enough for the bundled demo data. */
export function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const fields: string[] = [];
      let field = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const char = line[i]!;
        if (quoted) {
          if (char === '"' && line[i + 1] === '"') (field += '"'), i++;
          else if (char === '"') quoted = false;
          else field += char;
        } else if (char === '"') quoted = true;
        else if (char === ",") fields.push(field), (field = "");
        else field += char;
      }
      fields.push(field);
      return fields;
    });
}
