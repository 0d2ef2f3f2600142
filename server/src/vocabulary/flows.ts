// How values move through common library calls: sanitizers that clear PHI, functions and methods that
// pass it through, calls whose result is never PHI, and the factories that make loggers and stores.
// Data the engine's taint analysis loads; users add sanitizers in `.phi-guard.json`.

/** Words in a function name that make its result safe: `redact(ssn)`, `maskPhone()`, `encryptField()`. */
export const SANITIZER_WORDS: readonly string[] = [
  'redact', 'redacted', 'mask', 'masked', 'encrypt', 'encrypted', 'hash', 'hashed', 'hmac', 'tokenize', 'tokenise',
  'anonymize', 'anonymise', 'deidentify', 'pseudonymize', 'pseudonymise', 'scrub', 'obfuscate', 'digest', 'seal', 'cipher',
  'encipher', 'strip', 'omit', 'sanitize', 'sanitise', 'pick', 'summarize',
];

/** Words in a sanitizer's name that mean the value is encrypted (not just masked). */
export const ENCRYPTION_WORDS: readonly string[] = ['encrypt', 'encrypted', 'seal', 'cipher', 'encipher'];

/** Global functions and static methods whose result carries the PHI of their arguments. */
export const PASS_THROUGH_FUNCTIONS: readonly string[] = [
  'JSON.stringify', 'JSON.parse', 'String', 'Object.assign', 'Object.values', 'Object.entries', 'Object.fromEntries',
  'structuredClone', 'Buffer.from', 'encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'escape', 'btoa', 'atob',
  'util.format', 'util.inspect', 'format', 'sprintf', 'Array.from', 'Array.of', 'Promise.resolve', 'cloneDeep', 'clone',
  'merge', '_.merge', '_.clone', '_.cloneDeep', 'path.join', 'path.resolve', 'qs.stringify', 'querystring.stringify',
  'stringify', 'serialize', 'toJSON', 'Object.freeze', 'Papa.unparse', 'json2csv', 'parse', 'Promise.all',
  // lodash's string helpers: the string they were handed, trimmed, cased or padded (`_.trim(msisdn, '+')`)
  '_.trim', '_.trimStart', '_.trimEnd', '_.toLower', '_.toUpper', '_.padStart', '_.padEnd', '_.toString',
  // RxJS: the promise of an Observable's first or last emission
  'firstValueFrom', 'lastValueFrom',
  // Node's zlib: compressed bytes hold what was compressed
  'zlib.gzipSync', 'zlib.deflateSync', 'zlib.deflateRawSync', 'zlib.brotliCompressSync', 'gzipSync', 'deflateSync', 'brotliCompressSync',
];

/** Calls whose result is never PHI (booleans, counts, keys, types). */
export const NON_PHI_FUNCTIONS: readonly string[] = [
  'Boolean', 'Number', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'Array.isArray', 'Object.keys', 'typeof',
  'Math.max', 'Math.min', 'Math.round', 'Math.floor', 'Math.ceil', 'Date.now', 'crypto.randomUUID', 'randomUUID', 'uuid', 'uuidv4', 'nanoid',
];

/** Methods that return (part of) their receiver's value: strings, arrays, promises, maps. */
export const PASS_THROUGH_METHODS: readonly string[] = [
  'toString', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd',
  'slice', 'substring', 'substr', 'split', 'replace', 'replaceAll', 'concat', 'padStart', 'padEnd', 'normalize', 'charAt',
  'at', 'join', 'map', 'flatMap', 'filter', 'find', 'findLast', 'flat', 'reverse', 'sort', 'toSorted', 'toReversed', 'values',
  'entries', 'toJSON', 'toISOString', 'toDateString', 'toLocaleDateString', 'toLocaleString', 'toUTCString', 'valueOf',
  'then', 'catch', 'finally', 'get', 'getAll', 'match', 'matchAll', 'exec', 'repeat', 'toObject', 'lean', 'clone', 'pop', 'shift',
  'reduce', 'format', 'json', 'text', 'data', 'getValue', 'getValues', 'read', 'toFixed',
];

/** Methods whose result is never PHI whatever the receiver. */
export const NON_PHI_METHODS: readonly string[] = [
  'includes', 'startsWith', 'endsWith', 'test', 'has', 'some', 'every', 'indexOf', 'lastIndexOf', 'findIndex',
  'localeCompare', 'keys', 'isValid', 'isBefore', 'isAfter', 'getTime', 'getFullYear', 'getYear', 'search', 'hasOwnProperty',
  'push', 'unshift', 'delete', 'clear', 'forEach', 'addEventListener', 'removeEventListener', 'emit', 'on', 'once',
  'send', 'status', 'end', 'write', 'log', 'info', 'warn', 'error', 'debug', 'trace', 'setItem', 'removeItem',
];

/**
 * Array methods whose callback's first parameter receives an element of the receiver; and a database cursor's
 * (`Agenda.find(q).cursor().eachAsync(doc => …)`, Mongoose's QueryCursor), which hands it each document read.
 */
export const ELEMENT_CALLBACK_METHODS: readonly string[] = [
  'forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'findIndex', 'some', 'every', 'sort', 'toSorted', 'eachAsync',
];

/** First words of a function name that mean "gets data": its result carries what the rest names. */
export const RETRIEVAL_VERBS: readonly string[] = [
  'get', 'find', 'fetch', 'load', 'read', 'search', 'query', 'list', 'lookup', 'retrieve', 'select', 'create', 'update',
  'upsert', 'save', 'build', 'format', 'compose', 'parse', 'decrypt', 'to', 'use', 'current', 'selected',
];

/** First words of a function name whose result is an acknowledgement, not data. */
export const ACTION_VERBS: readonly string[] = [
  'send', 'delete', 'remove', 'notify', 'emit', 'dispatch', 'handle', 'on', 'log', 'track', 'print', 'write', 'set',
  'post', 'put', 'patch', 'clear', 'reset', 'init', 'initialize', 'register', 'subscribe', 'close', 'open', 'connect',
  'disconnect', 'start', 'stop', 'run', 'execute', 'schedule', 'enqueue', 'upload', 'export', 'store', 'persist', 'insert',
  'submit', 'cancel', 'confirm', 'verify', 'check', 'validate', 'render', 'display', 'show', 'hide', 'toggle', 'navigate',
];

/** Calls that create a logger: the variable they initialise is a logger. */
export const LOGGER_FACTORIES: readonly string[] = [
  'winston.createLogger', 'createLogger', 'bunyan.createLogger', 'log4js.getLogger', 'getLogger', 'loglevel.getLogger',
  'pino', 'Pino', 'createDebug', 'debug', 'consola.create', 'consola.withTag', 'signale.scope', 'Logger', 'bows',
];

/** Methods that write a log line (pino/winston/bunyan/log4js/loglevel/console). */
export const LOG_METHODS: readonly string[] = [
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical',
  'crit', 'alert', 'emerg', 'emergency', 'success', 'fail', 'table', 'dir', 'dirxml', 'group', 'groupCollapsed', 'assert', 'mark',
];

/** Console methods that print their label (`console.timeEnd(label)` prints `label: 12ms`); `console.time` itself prints nothing. */
export const CONSOLE_LABEL_METHODS: readonly string[] = ['timeEnd', 'timeLog', 'count'];

/** Words that make a receiver a logger by its name: `logger.info`, `this.log.warn`, `auditLogger.error`. */
export const LOGGER_NAME_WORDS: readonly string[] = ['log', 'logger', 'logging', 'winston', 'pino', 'bunyan', 'log4js', 'loglevel', 'signale', 'consola'];
