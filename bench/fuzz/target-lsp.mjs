import { newStats } from './fuzz.mjs';
export async function runLsp() { return newStats(); }
