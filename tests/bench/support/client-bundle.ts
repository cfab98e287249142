import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  outDir: string;
  built: boolean;
  files: BundleFile[];
  totalBytes: number;
  totalGzipBytes: number;
  cssGzipBytes: number;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** dist/client when it is newer than every client/ and shared/ file; otherwise a fresh build in tests/.tmp. */
export function clientBuild(): { outDir: string; built: boolean } {
  const dist = path.resolve("dist/client");
  const index = path.join(dist, "index.html");
  const sources = Math.max(newestMtime(path.resolve("client")), newestMtime(path.resolve("shared")));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return { outDir: dist, built: false };
  const outDir = path.resolve("tests/.tmp/footprint-client");
  execFileSync(
    path.resolve("node_modules/.bin/vite"),
    ["build", "--outDir", outDir, "--emptyOutDir", "--sourcemap", "false", "--logLevel", "warn"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return { outDir, built: true };
}

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).length;

/**
 * What a first visit downloads before the app runs: the entry script of index.html and every chunk
 * it modulepreloads (lazy routes are not counted). Sizes gzip level 9, as a static server would send.
 */
export function initialJs(outDir: string, built: boolean): InitialJs {
  const html = fs.readFileSync(path.join(outDir, "index.html"), "utf8");
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const scripts = tags
    .filter((t) => t.startsWith("<script") && /type="module"/.test(t))
    .map((t) => attr(t, "src"));
  const preloads = tags.filter((t) => /rel="modulepreload"/.test(t)).map((t) => attr(t, "href"));
  const styles = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => attr(t, "href"));
  const read = (href: string) => fs.readFileSync(path.join(outDir, href.replace(/^\//, "")));
  const files = [...new Set([...scripts, ...preloads])]
    .filter((href): href is string => href !== undefined)
    .map((file) => {
      const bytes = read(file);
      return { file, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
    });
  if (files.length === 0) throw new Error(`no module script found in ${outDir}/index.html`);
  return {
    outDir: path.relative(process.cwd(), outDir),
    built,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    cssGzipBytes: styles
      .filter((href): href is string => href !== undefined)
      .reduce((sum, href) => sum + gzipSize(read(href)), 0),
  };
}
