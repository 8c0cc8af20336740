import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text files worth compressing; images in SVG are text too. Source maps only reach a developer's tools. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

/**
 * Writes a Brotli (.br, best quality) and a gzip (.gz) copy next to every text file of the build, once at
 * build time, so the server sends them as they are (`@fastify/static` with `preCompressed`) and never
 * compresses on a request. Runs after every other plugin has written its files (the service worker too).
 */
export function precompress(outDir: string): Plugin {
  return {
    name: "beklijf-precompress",
    apply: "build",
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        const files = filesUnder(outDir).filter(
          (file) => COMPRESSIBLE.test(file) && fs.statSync(file).size >= MIN_BYTES,
        );
        await Promise.all(
          files.map(async (file) => {
            const content = fs.readFileSync(file);
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
            ]);
            fs.writeFileSync(`${file}.br`, br);
            fs.writeFileSync(`${file}.gz`, gz);
          }),
        );
      },
    },
  };
}
