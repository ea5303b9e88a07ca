// Bundles the Node side (Electron main, preload, browser bridge, CLI) into dist/electron.
// Native and Electron modules stay external: they are loaded from node_modules at run time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'fluent-ffmpeg'],
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: {
      main: 'electron/main.ts',
      bridge: 'electron/bridge/start.ts',
      cli: 'electron/cli/main.ts',
      'file-worker': 'electron/core/files/file-worker.ts',
    },
    outdir: 'dist/electron',
    banner: { js: "import { createRequire as __rr_cr } from 'node:module'; const require = __rr_cr(import.meta.url);" },
  }),
  // Sandboxed preloads must be CommonJS.
  build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
]);
