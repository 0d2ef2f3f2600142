// The `configs` target: .phi-guard.json files — fixtures and generated ones — mutated as JSON values
// (wrong types, unknown and prototype keys, pathological globs, planted values), as text (byte flips,
// truncation, encodings), nested deeply, made huge, or replaced by something that is not a regular
// file (a folder, a FIFO, a dangling or looping link, a device). Each is scanned with a small
// workspace in a worker; every tenth also by the CLI. A config may be refused, but only with a
// ConfigError that names the file and says why (no stack overflow, no "internal error"), never by a
// crash or a hang, and it is never silently ignored.
import fs from 'node:fs';
import path from 'node:path';
import { resultEchoes, silentlyDropped } from './check.mjs';
import { judgeCliRun, runCli } from './cli.mjs';
import { indexesOf, newStats, noteTime } from './fuzz.mjs';
import { JSON_PLANTS, PLANTED, echoesIn } from './planted.mjs';
import { Random } from './random.mjs';
import { materialize } from './workspace.mjs';

const RULE_IDS = ['no-phi-in-logs', 'no-phi-literal', 'no-cleartext-transport', 'valid-suppression', 'unanalysed-file', 'no-phi-in-browser-storage', 'no-body-logging', 'no-phi-in-url'];
const KNOWN_KEYS = ['$schema', 'rules', 'phiNames', 'notPhiNames', 'sanitizers', 'redactor', 'ignore', 'maxFileSize', 'encryptionTransformers', 'roles'];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000', 'rules ', 'RULES', PLANTED.name, PLANTED.ssn];
const GLOBS = ['**', '**/*', '*', '!**', '!', '/', '../**', '../../**', 'a/**/**/**/**/**/**/**/**/**/**/**/**/b', '{a,{b,{c,{d,{e}}}}}', '+(a|+(b|+(c)))', '[z-a]', '[[[[', '\\', '**/'.repeat(200) + 'x', 'src/**', 'src/leak.ts', 'test/', '*.json', '#comment', '\\#x', ' ', '\u0000', 'a'.repeat(5000)];
const SEVERITIES = ['error', 'warning', 'note', 'off', 'Error', 'none', '', 'off ', 2, null];

function randomValue(random, depth = 0) {
  const kinds = [
    () => null, () => true, () => false, () => 0, () => -1, () => 1.5, () => 1e308, () => 2 ** 53 + 1, () => -0,
    () => '', () => random.pick(SEVERITIES), () => random.pick(GLOBS), () => random.pick(Object.values(PLANTED)),
    () => 'x'.repeat(random.size(100_000)), () => [], () => ({}),
  ];
  if (depth < 3) {
    kinds.push(
      () => Array.from({ length: random.int(1, 4) }, () => randomValue(random, depth + 1)),
      () => Object.fromEntries(Array.from({ length: random.int(1, 4) }, () => [random.chance(0.3) ? random.pick(ODD_KEYS) : random.pick([...KNOWN_KEYS, ...RULE_IDS, 'name', 'module', 'test', 'production']), randomValue(random, depth + 1)])),
    );
  }
  return random.pick(kinds)();
}

/** A config that is valid as far as a generator knows: a random subset of the settings. */
function generatedConfig(random) {
  const config = {};
  if (random.chance(0.5)) config.rules = Object.fromEntries(RULE_IDS.filter(() => random.chance(0.3)).map((id) => [id, random.chance(0.7) ? random.pick(['error', 'warning', 'note', 'off']) : [random.pick(['error', 'warning']), {}]]));
  if (random.chance(0.3)) config.phiNames = { chartNo: 'mrn', [random.pick(['dobText', 'x'])]: random.pick(['date-of-birth', 'ssn']) };
  if (random.chance(0.3)) config.notPhiNames = ['visitorId', 'clinicName'];
  if (random.chance(0.3)) config.sanitizers = ['scrub', 'maskSsn'];
  if (random.chance(0.3)) config.redactor = { name: 'redact', module: './lib/redact' };
  if (random.chance(0.4)) config.ignore = Array.from({ length: random.int(1, 3) }, () => random.pick(GLOBS));
  if (random.chance(0.3)) config.maxFileSize = random.pick([1, 100, 1024, 1_048_576, 2 ** 31]);
  if (random.chance(0.2)) config.encryptionTransformers = ['EncryptionTransformer'];
  if (random.chance(0.3)) config.roles = { [random.pick(['test', 'production', 'generated', 'vendored', 'script'])]: [random.pick(GLOBS)] };
  return config;
}

function setAtRandomPath(random, config) {
  const path = [];
  let node = config;
  while (node && typeof node === 'object' && Object.keys(node).length && random.chance(0.6)) {
    const key = random.pick(Object.keys(node));
    path.push(key);
    if (typeof node[key] !== 'object' || node[key] === null) break;
    node = node[key];
  }
  const parent = path.slice(0, -1).reduce((at, key) => at[key], config);
  const key = random.chance(0.3) || path.length === 0 ? random.pick(random.chance(0.2) ? ODD_KEYS : [...KNOWN_KEYS, ...RULE_IDS]) : path[path.length - 1];
  const target = parent && typeof parent === 'object' ? parent : config;
  if (random.chance(0.15)) delete target[key];
  else Object.defineProperty(target, key, { value: randomValue(random), enumerable: true, configurable: true, writable: true });
}

function nestedText(random, depth) {
  const kind = random.pick(['array', 'object', 'mixed']);
  if (kind === 'array') return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  if (kind === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `${'[{"a":'.repeat(depth)}1${'}]'.repeat(depth)}`;
}

const TEXT_MUTATIONS = [
  ['byte flips', (random, text) => {
    const chars = [...text];
    for (let n = random.int(1, 6); n > 0 && chars.length; n--) chars[random.int(0, chars.length - 1)] = String.fromCharCode(random.int(0, 255));
    return chars.join('');
  }],
  ['truncation', (random, text) => text.slice(0, random.int(0, text.length))],
  ['comments', (random, text) => text.replace(/,/, `, // ${PLANTED.name}\n /* ${PLANTED.ssn} */`)],
  ['trailing commas', (_random, text) => text.replace(/(\]|\}|")(\s*[\]}])/g, '$1,$2')],
  ['duplicate keys', (_random, text) => text.replace('{', '{ "rules": "off", "rules": {}, ')],
  ['deep nesting', (random, text, limits) => text.replace('{', `{ "${random.pick([...KNOWN_KEYS, 'extra'])}": ${nestedText(random, random.size(limits.maxDepth))}, `)],
  ['huge value', (random, text, limits) => text.replace('{', `{ "${random.pick(['$schema', 'extra', 'ignore'])}": "${'a'.repeat(random.int(limits.maxHuge / 4, limits.maxHuge))}", `)],
  ['many entries', (random, text, limits) => text.replace('{', `{ "${random.pick(['ignore', 'sanitizers', 'notPhiNames'])}": [${Array.from({ length: random.size(limits.maxEntries) }, (_, i) => `"g${i}/**"`).join(',')}], `)],
  ['not an object', (random) => random.pick(['null', '[]', '"x"', '42', 'true', '', ' ', '\ufeff', '{', '}', '/*', '//'])],
];

export const CONFIG_LIMITS = { maxDepth: 100_000, maxHuge: 14_000_000, maxEntries: 100_000 };
const QUICK_LIMITS = { maxDepth: 20_000, maxHuge: 2_000_000, maxEntries: 10_000 };

const LEAK = 'export function show(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';

/** Where the config is and what it is: { entries, configFile?, special?, mutations }. */
export function makeConfigInput(random, seeds, limits) {
  const mutations = [];
  let text;
  if (random.chance(0.3)) {
    text = random.pick(seeds);
    mutations.push('fixture');
  } else {
    const config = generatedConfig(random);
    for (let n = random.int(0, 4); n > 0; n--) setAtRandomPath(random, config);
    text = JSON.stringify(config, null, random.pick([0, 2]));
    mutations.push('generated');
  }
  for (let n = random.weighted([[3, 0], [4, 1], [2, 2]]); n > 0; n--) {
    const [name, mutate] = random.pick(TEXT_MUTATIONS);
    text = mutate(random, text, limits);
    mutations.push(name);
  }
  let bytes = Buffer.from(text, 'utf8');
  if (random.chance(0.1)) {
    const encoding = random.pick(['BOM', 'UTF-16LE', 'NUL', 'Latin-1']);
    mutations.push(encoding);
    if (encoding === 'BOM') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    else if (encoding === 'UTF-16LE') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    else if (encoding === 'NUL') bytes = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.alloc(3), bytes.subarray(bytes.length >> 1)]);
    else bytes = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xe9]), bytes.subarray(bytes.length >> 1)]);
  }
  const entries = [
    { name: 'src/leak.ts', bytes: Buffer.from(LEAK) },
    { name: 'src/data.json', bytes: Buffer.from(`{\n  ${random.pick(JSON_PLANTS)}\n}\n`) },
    { name: 'test/a.test.ts', bytes: Buffer.from(`it('x', () => { const ssn = '${PLANTED.ssn}'; });\n`) },
  ];
  const placement = random.weighted([[6, 'root'], [2, 'nested'], [2, 'explicit'], [1, 'special']]);
  mutations.push(placement);
  let configFile;
  let special;
  if (placement === 'root') entries.push({ name: '.phi-guard.json', bytes });
  else if (placement === 'nested') entries.push({ name: 'src/.phi-guard.json', bytes }, { name: '.phi-guard.json', bytes: Buffer.from('{}') });
  else if (placement === 'explicit') {
    configFile = random.pick(['custom/phi.json', 'custom/.phi-guard.json', 'phi guard (1).json']);
    entries.push({ name: configFile, bytes });
  } else {
    special = random.pick(['dir', 'fifo', 'dangling', 'loop', 'dev-null', 'dev-zero', 'to-folder', 'missing']);
    mutations.push(special);
    const name = random.chance(0.5) ? '.phi-guard.json' : 'custom/phi.json';
    if (name !== '.phi-guard.json') configFile = name;
    if (special === 'dir' || special === 'to-folder') entries.push(special === 'dir' ? { name, kind: 'dir' } : { name, kind: 'symlink', target: '/tmp' });
    else if (special === 'fifo') entries.push({ name, kind: 'fifo' });
    else if (special === 'dangling') entries.push({ name, kind: 'symlink', target: 'nowhere/phi.json' });
    else if (special === 'loop') entries.push({ name, kind: 'symlink', target: path.basename(name) });
    else if (special === 'dev-null') entries.push({ name, kind: 'symlink', target: '/dev/null' });
    else if (special === 'dev-zero') entries.push({ name, kind: 'symlink', target: '/dev/zero' });
    else if (special === 'missing') configFile = 'custom/missing.json';
  }
  return { entries, configFile, special, mutations };
}

/** A ConfigError reason that shows something broke underneath instead of saying what is wrong. */
const BROKEN_REASON = /Maximum call stack|RangeError|out of memory|heap|Cannot read propert|is not a function|is not iterable|undefined|\[object |TypeError|Unexpected error/i;

export async function runConfigs({ options, dist, pool, tempDir, recordFailure, log, repo }) {
  const stats = newStats();
  stats.info = { accepted: 0, refused: 0, cliRuns: 0 };
  const seeds = [];
  for (const dir of ['test-fixtures/demo-clinic', 'test-fixtures/lsp/basic', 'test-fixtures/cli/invalid-config']) seeds.push(fs.readFileSync(path.join(repo, dir, '.phi-guard.json'), 'utf8'));
  const limits = options.quick ? QUICK_LIMITS : CONFIG_LIMITS;
  const cliEvery = options.quick ? 25 : 10;
  const indexes = indexesOf(options);
  let next = 0;
  const lane = async () => {
    while (next < indexes.length && !options.stopping?.()) {
      const index = indexes[next++];
      await runOne(index, makeConfigInput(new Random(options.seed, 'configs', index), seeds, limits));
      if (stats.inputs % 500 === 0) log(`  configs: ${stats.inputs}/${indexes.length} inputs, ${stats.crashes + stats.hangs + stats.drops + stats.echoes + stats.other} failures`);
    }
  };
  const runOne = async (index, input) => {
    stats.inputs++;
    const what = `config [${input.mutations.join(', ')}]${input.configFile ? ` --config ${input.configFile}` : ''}`;
    const fail = (kind, detail) => {
      const key = { crash: 'crashes', hang: 'hangs', drop: 'drops', echo: 'echoes' }[kind] ?? 'other';
      stats[key]++;
      recordFailure({ target: 'configs', index, kind, detail: `${detail}\n${what}`, what, entries: input.entries });
    };
    const run = await pool.runWithRetry({ id: index, entries: input.entries, configFile: input.configFile }, options.budgetMs, stats);
    if (run.outcome === 'hang') return fail('hang', `no result after ${Math.round(run.ms)} ms (tried twice, the second time alone with 3× the budget)`);
    if (run.outcome === 'crash') return fail('crash', run.error);
    const { message } = run;
    if (message.setupError) throw new Error(`could not write config input ${index}: ${message.setupError}`);
    noteTime(stats, index, message.ms, what);
    let refused;
    if (message.error) {
      if (!message.error.isConfigError) return fail('crash', `${message.error.name}: ${message.error.message}\n${message.error.stack}`);
      refused = message.error.message;
      stats.info.refused++;
      if (BROKEN_REASON.test(refused)) fail('bad-config-error', `refused with an error that does not say what is wrong: ${refused.slice(0, 500)}`);
      for (const echo of echoesIn(refused)) fail('echo', `the config error echoes the planted ${echo.what}: …${echo.context}…`);
    } else {
      stats.info.accepted++;
      const { result } = message;
      if (input.special && input.special !== 'dev-null') fail('silent-ignore', `a config that is not a regular file (${input.special}) is accepted without an error`);
      const files = input.entries.filter((entry) => (entry.kind ?? 'file') === 'file' && /\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.phi-guard.json') && !entry.name.startsWith('custom/') && !entry.name.startsWith('phi guard'));
      const dropped = silentlyDropped(files.map((entry) => entry.name), result, message.progress);
      if (dropped.length) fail('drop', `neither analysed nor skipped: ${dropped.join(', ')}`);
      if (result.ruleErrors.length) fail('rule-error', result.ruleErrors.map((error) => `${error.ruleId}: ${error.message}`).join('\n'));
      for (const echo of resultEchoes(result, run.output ?? '')) fail('echo', `the scan result echoes the planted ${echo.what}: …${echo.context}…`);
    }
    if (index % cliEvery === 0) await checkWithCli(index, input, refused, fail);
  };
  const checkWithCli = async (index, input, refused, fail) => {
    const dir = path.join(tempDir, `cli-config-${index}`);
    materialize(dir, input.entries);
    try {
      const args = ['scan', '.', '--format', 'json', '--roles', 'all', '--no-color'];
      if (input.configFile) args.push('--config', input.configFile);
      const run = await runCli(dist.cli, args, { cwd: dir, timeoutMs: Math.max(options.budgetMs * 3, 60_000) });
      stats.info.cliRuns++;
      for (const problem of judgeCliRun(run, `phi-guard ${args.join(' ')}`)) fail(problem.kind, problem.detail);
      if (run.timedOut) return;
      if (refused !== undefined && run.code !== 2) fail('config-exit', `the engine refuses the config but the CLI exits ${run.code}`);
      const named = /^\S.*:\d+:\d+ \S/.test(run.stderr) || (input.configFile !== undefined && run.stderr.includes(input.configFile));
      if (refused !== undefined && run.code === 2 && !named) fail('config-exit', `the CLI's config error names neither file:line:column nor the config: ${run.stderr.slice(0, 300)}`);
      if (refused === undefined && ![0, 1].includes(run.code)) fail('config-exit', `the engine accepts the config but the CLI exits ${run.code}: ${run.stderr.slice(0, 300)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, lane));
  return stats;
}
