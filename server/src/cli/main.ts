// Entry point of the `phi-guard` binary (bundled to dist/phi-guard.js): the real process, engine and
// language server with the bundled rule pack (process.ts does the wiring).
import { rules, scanWorkspace } from '../api';
import { startCli } from './process';

startCli({ rules, scanWorkspace });
