// Worker modules as one cached JavaScript bundle each, so a worker thread starts in ~50 ms instead of
// the ~300 ms that registering tsx and transpiling the module graph costs on every start (an import
// waits that long before parsing its first row). The bundle lives under node_modules/.cache and is
// rebuilt, in the worker thread itself, whenever any file it was built from changed (size or mtime).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const stamp = (file) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

function isFresh(metaFile) {
  try {
    const meta = JSON.parse(readFileSync(metaFile, "utf8"));
    return Object.entries(meta.inputs).every(([file, expected]) => stamp(file) === expected);
  } catch {
    return false;
  }
}

/** The file URL of an up-to-date bundle of `entryUrl` (built now if needed). */
export async function bundledWorker(entryUrl, tsconfig) {
  const entry = fileURLToPath(entryUrl);
  const root = dirname(tsconfig);
  const dir = join(root, "node_modules", ".cache", "needscape-workers");
  const name = createHash("sha1").update(entry).digest("hex").slice(0, 16);
  const bundle = join(dir, `${name}.mjs`);
  const metaFile = join(dir, `${name}.json`);
  if (!isFresh(metaFile)) {
    // The esbuild that tsx runs on, so the bundle is compiled exactly as tsx would compile the sources.
    const esbuild = createRequire(import.meta.resolve("tsx/esm/api"))("esbuild");
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      tsconfig,
      write: false,
      metafile: true,
      logLevel: "silent",
      // Packages written in CommonJS call require(); give the ES-module bundle one.
      banner: { js: "import { createRequire as __needscapeRequire } from 'node:module'; const require = __needscapeRequire(import.meta.url);" },
    });
    mkdirSync(dir, { recursive: true });
    const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [resolve(root, file), stamp(resolve(root, file))]));
    // Written under a unique name and renamed: two workers building at once never see half a file.
    const unique = `${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(`${bundle}.${unique}`, result.outputFiles[0].contents);
    renameSync(`${bundle}.${unique}`, bundle);
    writeFileSync(`${metaFile}.${unique}`, JSON.stringify({ entry, inputs }));
    renameSync(`${metaFile}.${unique}`, metaFile);
  }
  return pathToFileURL(bundle).href;
}
