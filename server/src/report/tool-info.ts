// Identity of the tool as every report and the CLI state it. The version is read from package.json at
// build time: esbuild inlines the JSON (only the `version` field survives tree shaking) and tsx reads
// it directly, so tests and the bundle agree without a runtime path lookup.
import { version } from '../../../package.json';

export const TOOL_NAME = 'PHI Guard';
export const TOOL_COMMAND = 'phi-guard';
export const TOOL_VERSION: string = version;
export const TOOL_INFORMATION_URI = 'https://github.com/phi-guard/phi-guard';
