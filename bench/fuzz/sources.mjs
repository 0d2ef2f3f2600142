// Inputs of the `sources` target: the fixtures under test-fixtures/ and generated code, with PHI values
// planted, mutated (byte flips, truncation, deep nesting, long lines, NUL/Latin-1 bytes, huge strings,
// unbalanced brackets, JSX, splices, encodings), and — in code files — a leak appended after the
// mutated text. The leak is written so that no mutation before it can hide it from a parser that
// accepts the file: it starts with an empty statement and holds no quote, bracket or comment opener
// that could close something the mutation left open. So the file either parses (the leak is reported)
// or does not (an `unanalysed-file` finding); anything else is a silent pass.
import fs from 'node:fs';
import path from 'node:path';
import { CODE_PLANTS, JSON_PLANTS, JSX_PLANTS } from './planted.mjs';

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const DATA_EXTENSIONS = ['.json', '.jsonc'];

const LEAK_TS = '\n;\nfunction fuzzLeakProbe(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';
const LEAK_JS = '\n;\nfunction fuzzLeakProbe(patient) {\n  console.log(patient.ssn);\n}\n';
/** Where the leak's `patient.ssn` is, counted from the end of the file: 3 lines up, column 15. */
export const LEAK_LINE_FROM_END = 3;
export const LEAK_COLUMN = 15;

/** Source and data files of test-fixtures/ (configs are the `configs` target's). */
export function loadSeeds(repo) {
  const seeds = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const absPath = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absPath);
      else if (entry.name !== '.phi-guard.json' && [...CODE_EXTENSIONS, ...DATA_EXTENSIONS].includes(path.extname(entry.name))) {
        seeds.push({ origin: path.relative(repo, absPath), ext: path.extname(entry.name), text: fs.readFileSync(absPath, 'utf8') });
      }
    }
  };
  walk(path.join(repo, 'test-fixtures'));
  seeds.sort((a, b) => a.origin.localeCompare(b.origin));
  return seeds;
}

// ---- generated code ---------------------------------------------------------------------------------

const PHI_FIELDS = ['ssn', 'dateOfBirth', 'dob', 'mrn', 'diagnosis', 'firstName', 'lastName', 'address', 'phone', 'email', 'insuranceId', 'allergies', 'notes'];
const SAFE_FIELDS = ['id', 'count', 'length', 'isActive', 'createdAt', 'status', 'version'];
const OWNERS = ['patient', 'member', 'user', 'clinic', 'practitioner', 'record', 'row', 'mockPatient', 'p'];
const SINKS = [
  (v) => `console.log(${v});`,
  (v) => `logger.info('saved', ${v});`,
  (v) => `localStorage.setItem('k', ${v});`,
  (v) => `sessionStorage.setItem('k', JSON.stringify(${v}));`,
  (v) => `fetch(\`http://api.example-health.com/p?x=\${${v}}\`);`,
  (v) => `res.send(${v});`,
  (v) => `analytics.track('view', { value: ${v} });`,
  (v) => `document.cookie = 'v=' + ${v};`,
  (v) => `throw new Error('bad ' + ${v});`,
  (v) => `window.location.href = '/p/' + ${v};`,
];

function expression(random, depth) {
  const owner = random.pick(OWNERS);
  if (depth <= 0 || random.chance(0.4)) return `${owner}.${random.pick(random.chance(0.7) ? PHI_FIELDS : SAFE_FIELDS)}`;
  const inner = expression(random, depth - 1);
  return random.pick([
    `\`\${${inner}} and \${${owner}.id}\``,
    `${inner} + ' ' + ${expression(random, depth - 1)}`,
    `JSON.stringify(${owner})`,
    `redact(${inner})`,
    `String(${inner}).length`,
    `${inner} ? ${inner} : null`,
    `[${inner}, ${owner}.id].join(',')`,
    `{ ...${owner}, extra: ${inner} }`,
    `Object.keys(${owner}).length`,
    `(await load(${owner}.id)).${random.pick(PHI_FIELDS)}`,
    `${owner}?.${random.pick(PHI_FIELDS)}?.toString()`,
  ]);
}

function statement(random, depth, jsx) {
  const kinds = [
    () => random.pick(SINKS)(expression(random, 2)),
    () => `const ${random.pick(['v', 'value', 'copy', 'patientName', 'dobText', 'ssnValue'])}${random.int(0, 99)} = ${expression(random, 2)};`,
    () => `if (${expression(random, 1)}) {\n${block(random, depth - 1, jsx)}\n} else {\n${block(random, depth - 1, jsx)}\n}`,
    () => `for (const ${random.pick(OWNERS)} of list) {\n${block(random, depth - 1, jsx)}\n}`,
    () => `try {\n${block(random, depth - 1, jsx)}\n} catch (error) {\n  console.error(error);\n}`,
    () => `items.forEach((${random.pick(OWNERS)}) => {\n${block(random, depth - 1, jsx)}\n});`,
    () => `// phi-guard-disable-next-line ${random.pick(['no-phi-in-logs', 'no-phi-in-storage', 'all', 'nope'])} ${random.pick(['-- reviewed by privacy team in SEC-12', '-- x', '', 'until 2099-01-01 -- reviewed by privacy team'])}`,
    () => random.pick(CODE_PLANTS),
  ];
  if (jsx) kinds.push(() => random.pick(JSX_PLANTS), () => `const el = <div className="x">{${expression(random, 1)}}<span>{${random.pick(OWNERS)}.id}</span></div>;`);
  return random.pick(kinds)();
}

function block(random, depth, jsx) {
  if (depth <= 0) return `  ${random.pick(SINKS)(expression(random, 1))}`;
  const lines = [];
  for (let i = random.int(1, 4); i > 0; i--) lines.push(statement(random, depth, jsx));
  return lines.map((line) => `  ${line}`).join('\n');
}

/** A small random program: functions over patients and others, sinks, suppressions, JSX, planted values. */
export function generateProgram(random, ext) {
  const typed = /ts/.test(ext);
  const jsx = /x$/.test(ext);
  const parts = ["import { redact } from './redact';", "import logger from './logger';"];
  if (typed) parts.push('interface Patient { id: string; ssn: string; dateOfBirth: string; diagnosis: string; name: string }', 'declare const records: any, patients: any, items: any[], list: any[], analytics: any, res: any, load: any;');
  for (let i = random.int(1, 5); i > 0; i--) {
    const owner = random.pick(OWNERS);
    const param = typed ? `${owner}: ${random.pick(['Patient', 'any', '{ ssn: string }', 'Record<string, string>'])}` : owner;
    parts.push(`export ${random.chance(0.3) ? 'async ' : ''}function handle${i}(${param}) {\n${block(random, random.int(0, 3), jsx)}\n}`);
  }
  if (jsx) parts.push(`export function View({ patient }${typed ? ': { patient: Patient }' : ''}) {\n  return <section><h1>{patient.name}</h1><p>{patient.dateOfBirth}</p></section>;\n}`);
  return `${parts.join('\n\n')}\n`;
}

// ---- mutators -----------------------------------------------------------------------------------------

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function insertAt(text, offset, piece) {
  return text.slice(0, offset) + piece + text.slice(offset);
}

function atLine(random, text, piece) {
  return insertAt(text, random.pick(lineStarts(text)), `${piece}\n`);
}

/** A structure `depth` levels deep of one kind, around `core`. */
export function deepNesting(random, depth, jsx) {
  const kinds = ['parens', 'array', 'object', 'call', 'ternary', 'arrow', 'if', 'member', 'not', 'sum', 'template', 'concat-string', 'await', 'optional-chain', 'spread'];
  if (jsx) kinds.push('jsx');
  const kind = random.pick(kinds);
  const core = 'patient.ssn';
  switch (kind) {
    case 'parens': return `const deep = ${'('.repeat(depth)}${core}${')'.repeat(depth)};`;
    case 'array': return `const deep = ${'['.repeat(depth)}${core}${']'.repeat(depth)};`;
    case 'object': return `const deep = ${'{ a: '.repeat(depth)}${core}${' }'.repeat(depth)};`;
    case 'call': return `const deep = ${'f('.repeat(depth)}${core}${')'.repeat(depth)};`;
    case 'ternary': return `const deep = ${'x ? 1 : '.repeat(depth)}${core};`;
    case 'arrow': return `const deep = ${'() => '.repeat(depth)}${core};`;
    case 'if': return `${'if (x) { '.repeat(depth)}console.log(${core});${' }'.repeat(depth)}`;
    case 'member': return `const deep = ${core}${'.next'.repeat(depth)};`;
    case 'not': return `const deep = ${'!'.repeat(depth)}${core};`;
    case 'sum': return `const deep = ${Array.from({ length: depth }, (_, i) => `v${i % 10}`).join(' + ')} + ${core};`;
    case 'template': return `const deep = ${'`${'.repeat(depth)}${core}${'}`'.repeat(depth)};`;
    case 'concat-string': return `console.log(${Array.from({ length: depth }, () => "'ab'").join(' + ')} + ${core});`;
    case 'await': return `async function deep() { return ${'await '.repeat(depth)}${core}; }`;
    case 'optional-chain': return `const deep = ${core}${'?.a'.repeat(depth)};`;
    case 'spread': return `const deep = ${'[...'.repeat(depth)}[${core}]${']'.repeat(depth)};`;
    case 'jsx': return `const deep = ${'<div>'.repeat(depth)}{${core}}${'</div>'.repeat(depth)};`;
  }
  throw new Error(kind);
}

function longLine(random, length) {
  const kind = random.pick(['comment', 'string', 'sum', 'array', 'identifier', 'object']);
  switch (kind) {
    case 'comment': return `// ${'x'.repeat(length)}`;
    case 'string': return `const long = '${'a'.repeat(length)}';`;
    case 'sum': return `const long = ${'1 + '.repeat(Math.ceil(length / 4))}1;`;
    case 'array': return `const long = [${'0,'.repeat(Math.ceil(length / 2))}];`;
    case 'identifier': return `const ${'a'.repeat(length)} = 1;`;
    default: return `const long = { ${Array.from({ length: Math.ceil(length / 8) }, (_, i) => `k${i}: 1`).join(', ')} };`;
  }
}

const BRACKETS = ['{', '}', '(', ')', '[', ']', '<', '>', "'", '"', '`', '/*', '*/', '//', '${', '/', '\\', '</', '/>', '<div>', '@', '#', '?.', '=>'];
const TOKENS = ['function', 'class', 'return', 'await', 'yield', 'export default', 'import', 'declare', 'enum', 'namespace', 'as', 'satisfies', 'new', 'typeof', 'keyof', 'abstract', 'async', '=>', '...', '??', '?.', 'let', 'var', 'const', 'if', 'else', 'switch', 'case', 'with', 'delete', 'void', 'this', 'super', 'arguments', 'eval', '#private', '@decorator', '<T,>', 'infer', 'unique symbol'];
const ODD_TEXT = ['\u0000', '\u0000\u0000\u0000', '\u00e9', '\u2028', '\u2029', '\ufeff', '\u200b', '\u202e', '\ud83d\ude00', '\ud800', '\udc00', '\r', '\r\n', '\u0301', '\u00a0', '\u000b', '\u000c', '\u001b[31m', '\ufffd'];

/** Text mutations: each returns the new text and a short description. */
const TEXT_MUTATORS = [
  [6, 'byte flips', (random, text) => {
    const chars = [...text];
    for (let n = random.int(1, 8); n > 0 && chars.length; n--) chars[random.int(0, chars.length - 1)] = String.fromCharCode(random.int(0, 255));
    return chars.join('');
  }],
  [3, 'truncation', (random, text) => text.slice(0, random.int(0, text.length))],
  [3, 'range deleted', (random, text) => {
    const start = random.int(0, text.length);
    return text.slice(0, start) + text.slice(Math.min(text.length, start + random.size(500)));
  }],
  [2, 'range duplicated', (random, text) => {
    const start = random.int(0, text.length);
    const piece = text.slice(start, start + random.size(400));
    return insertAt(text, random.int(0, text.length), piece.repeat(random.int(1, 5)));
  }],
  [5, 'deep nesting', (random, text, ctx) => atLine(random, text, deepNesting(random, random.size(ctx.maxDepth), ctx.jsx))],
  [4, 'long line', (random, text, ctx) => atLine(random, text, longLine(random, random.size(ctx.maxLongLine)))],
  [2, 'huge string', (random, text, ctx) => atLine(random, text, `const huge = "${'A'.repeat(random.int(ctx.maxHugeString / 4, ctx.maxHugeString))}";`)],
  [4, 'odd characters', (random, text) => {
    let out = text;
    for (let n = random.int(1, 5); n > 0; n--) out = insertAt(out, random.int(0, out.length), random.pick(ODD_TEXT));
    return out;
  }],
  [5, 'unbalanced brackets', (random, text) => {
    let out = text;
    for (let n = random.int(1, 4); n > 0; n--) out = insertAt(out, random.int(0, out.length), random.pick(BRACKETS));
    return out;
  }],
  [3, 'tokens', (random, text) => {
    let out = text;
    for (let n = random.int(1, 4); n > 0; n--) out = insertAt(out, random.int(0, out.length), ` ${random.pick(TOKENS)} `);
    return out;
  }],
  [3, 'JSX', (random, text) => atLine(random, text, random.pick(JSX_PLANTS))],
  [4, 'planted values', (random, text) => atLine(random, text, random.pick(CODE_PLANTS))],
  [4, 'splice', (random, text, ctx) => {
    const other = random.pick(ctx.seeds).text;
    const start = random.int(0, other.length);
    return insertAt(text, random.int(0, text.length), other.slice(start, start + random.size(2000)));
  }],
  [2, 'line endings', (random, text) => text.replace(/\n/g, random.pick(['\r\n', '\r', '\u2028', '\n\n']))],
  [1, 'many lines', (random, text, ctx) => atLine(random, text, Array.from({ length: random.size(ctx.maxLines) }, (_, i) => `const l${i} = patient.ssn;`).join('\n'))],
];

/** Byte mutations of the whole encoded file (after the leak is appended: decoding must keep it). */
const BYTE_MUTATORS = [
  [3, 'Latin-1 byte', (random, bytes, prefixLength) => {
    const at = random.int(0, prefixLength);
    return Buffer.concat([bytes.subarray(0, at), Buffer.from([random.pick([0xe9, 0xfc, 0xa0, 0x80, 0x93, 0xff, 0xc3])]), bytes.subarray(at)]);
  }],
  [2, 'NUL bytes', (random, bytes, prefixLength) => {
    const at = random.int(0, prefixLength);
    return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(random.size(64)), bytes.subarray(at)]);
  }],
  [1, 'UTF-8 BOM', (_random, bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])],
  [1, 'UTF-16LE', (random, bytes) => {
    const body = Buffer.from(bytes.toString('utf8'), 'utf16le');
    return random.chance(0.5) ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
  }],
  [1, 'UTF-16BE', (random, bytes) => {
    const body = Buffer.from(bytes.toString('utf8'), 'utf16le').swap16();
    return random.chance(0.5) ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
  }],
  [1, 'invalid UTF-8 run', (random, bytes, prefixLength) => {
    const at = random.int(0, prefixLength);
    const junk = Buffer.from(Array.from({ length: random.int(1, 12) }, () => random.int(0x80, 0xff)));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  }],
];

/** Mutations after which code usually still parses. */
const PARSEABLE = new Set(['deep nesting', 'long line', 'huge string', 'planted values', 'line endings', 'many lines']);

export const SOURCE_LIMITS = { maxDepth: 20_000, maxLongLine: 300_000, maxHugeString: 1_500_000, maxLines: 30_000 };

/**
 * One input: { name, bytes, leak (a leak was appended), mutations }. `limits` shrink the sizes for the
 * quick run inside `npm test`.
 */
export function makeSourceInput(random, seeds, limits = SOURCE_LIMITS) {
  let ext;
  let text;
  let origin;
  if (random.chance(0.5)) {
    const seed = random.pick(seeds);
    origin = seed.origin;
    ext = seed.ext;
    if (CODE_EXTENSIONS.includes(ext) && random.chance(0.2)) ext = random.pick(CODE_EXTENSIONS);
    text = seed.text;
  } else {
    ext = random.pick([...CODE_EXTENSIONS, '.tsx', '.ts', '.json']);
    origin = 'generated';
    text = ext === '.json' ? `{\n  ${random.pick(JSON_PLANTS)},\n  "apiUrl": "http://api.acme-health.com/v1"\n}\n` : generateProgram(random, ext);
  }
  const isCode = CODE_EXTENSIONS.includes(ext);
  const ctx = { ...limits, seeds, jsx: /x$/.test(ext) };
  const mutations = [];
  if (ext !== '.json' && ext !== '.jsonc') text = atLine(random, text, random.pick(ctx.jsx ? [...CODE_PLANTS, ...JSX_PLANTS] : CODE_PLANTS));
  else if (text.trimStart().startsWith('{')) text = text.replace('{', `{\n  ${random.pick(JSON_PLANTS)},`);
  // Half the inputs only get mutations that keep code parseable, so the analysis itself is exercised.
  const mutators = random.chance(0.5) ? TEXT_MUTATORS.filter(([, name]) => PARSEABLE.has(name)) : TEXT_MUTATORS;
  for (let n = random.weighted([[2, 0], [5, 1], [3, 2], [1, 4]]); n > 0; n--) {
    const [, name, mutate] = random.weighted(mutators.map((entry) => [entry[0], entry]));
    text = mutate(random, text, ctx);
    mutations.push(name);
  }
  const leak = isCode && random.chance(0.8);
  let bytes = Buffer.from(text, 'utf8');
  const prefixLength = bytes.length;
  if (leak) bytes = Buffer.concat([bytes, Buffer.from(/ts|tsx/.test(ext) ? LEAK_TS : LEAK_JS)]);
  if (random.chance(0.2)) {
    const [, name, mutate] = random.weighted(BYTE_MUTATORS.map((entry) => [entry[0], entry]));
    bytes = mutate(random, bytes, prefixLength);
    mutations.push(name);
  }
  return { name: `src/input${ext}`, bytes, leak, origin, mutations };
}
