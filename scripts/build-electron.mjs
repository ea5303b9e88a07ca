// Bundles the Node side (Electron main, preload, browser bridge, CLI) into dist/electron.
// Native and Electron modules stay external: they are loaded from node_modules at run time.
// `node scripts/build-electron.mjs cli` rebuilds only the CLI (the CLI tests run the built file).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // pdfkit reads its own data files next to its module, and the font package is only a TTF on disk.
  external: ['electron', 'better-sqlite3', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'fluent-ffmpeg', 'pdfkit', '@expo-google-fonts/*'],
  logLevel: 'warning',
};
const esm = {
  ...common,
  format: 'esm',
  outdir: 'dist/electron',
  banner: { js: "import { createRequire as __rr_cr } from 'node:module'; const require = __rr_cr(import.meta.url);" },
};

// The CLI is split at its dynamic imports, so `records --version` and `--help` load commander
// and the texts but not the core, SQLite or zod (one bundle took about 1 s to start). Chunks sit
// next to the entry: the file pool finds file-worker.js relative to its own chunk.
const cli = build({ ...esm, entryPoints: { cli: 'electron/cli/main.ts' }, splitting: true, chunkNames: 'cli-[name]-[hash]' });
// The CLI's imports copy files in worker threads: the worker ships with it, even in a CLI-only build.
const worker = build({ ...esm, entryPoints: { 'file-worker': 'electron/core/files/file-worker.ts' } });

await Promise.all(
  process.argv[2] === 'cli'
    ? [cli, worker]
    : [
        cli,
        worker,
        build({
          ...esm,
          entryPoints: { main: 'electron/main.ts', bridge: 'electron/bridge/start.ts' },
        }),
        // Sandboxed preloads must be CommonJS.
        build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
      ],
);
