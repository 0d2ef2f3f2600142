import { newStats } from './fuzz.mjs';
export async function runConfigs() { return newStats(); }
