// Bundles the CLI/language server into one file (and the VS Code client once it exists).
// Type checking is separate: `npm run typecheck`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // The server bundle carries the TypeScript parser (11 MB unminified): minified, it loads faster and
  // the VSIX is smaller. Source maps stay next to the bundles for stack traces.
  minify: true,
  keepNames: true,
};

const entries = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/phi-guard.js', banner: { js: '#!/usr/bin/env node' } },
  // The engine with the rule pack as a library (server/src/api.ts), for the benchmark and tools.
  { entryPoints: ['server/src/api.ts'], outfile: 'dist/engine.js' },
];
if (existsSync('client/src/extension.ts')) {
  entries.push({ entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] });
}

await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
if (watch) console.log('watch mode is not supported; re-run npm run build');
