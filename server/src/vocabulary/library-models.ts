// How common libraries and frameworks move data, as data the taint analysis reads: which calls create
// loggers, state containers and stores, which objects are HTTP requests, which methods build up or
// mutate a value. Adding a library here teaches the analysis without touching its code.

/** Objects that are an incoming HTTP request (Express/Koa/Lambda names), as the tail of a dotted name. */
export const REQUEST_OBJECT = /(^|\.)(req|request|ctx\.request|event|incomingRequest)$/;

/** Properties of a request object that hold the whole body. */
export const REQUEST_BODY_PROPERTIES: readonly string[] = ['body', 'rawBody'];

/** UI state containers whose initial value's keys name what they will hold (React, Vue, Solid, Svelte, MobX…). */
export const STATE_HOOKS: readonly string[] = ['useState', 'React.useState', 'useReducer', 'React.useReducer', 'ref', 'reactive', 'shallowRef', 'signal', 'createSignal', 'writable', 'observable', 'createStore'];

/** Modules whose `require()` result, called, is a logger (`require('pino')()`, `require('debug')('app')`). */
export const LOGGER_MODULES = /^(pino|debug|bunyan|winston|log4js|loglevel)$/;

/** Calls whose result is a writable file stream. */
export const WRITE_STREAM_FACTORIES: readonly string[] = ['createWriteStream'];

/** Methods whose result is an IndexedDB object store (`tx.objectStore('patients')`). */
export const IDB_STORE_METHODS: readonly string[] = ['objectStore'];

/** Builder methods that return what they hold plus what is added (`new HttpParams().set('ssn', ssn)`). */
export const BUILDER_METHODS: readonly string[] = ['set', 'append', 'add'];

/** Methods that add their arguments to their receiver (`payload.push(ssn)`, `params.set('dob', dob)`). */
export const MUTATING_METHODS: readonly string[] = ['push', 'unshift', 'add', 'set', 'append'];

/** Methods whose callback's result is the call's result (`patients.map(p => p.id)`). */
export const MAPPING_METHODS: readonly string[] = ['map', 'flatMap', 'then'];

/** Methods whose result joins the receiver's and the arguments' values (`a.concat(b)`, `s.replace(x, y)`). */
export const JOINING_METHODS: readonly string[] = ['concat', 'replace', 'replaceAll'];

/**
 * Property names that hold what their object holds (`response.data`, `event.body`, `doc.attributes`): read
 * from a value whose PHI is only guessed from its name, they keep it; other unknown properties
 * (`client.now`, `job.startedMills`) do not.
 */
export const CONTAINER_PROPERTIES: readonly string[] = [
  'data', 'body', 'payload', 'value', 'values', 'item', 'items', 'record', 'records', 'entry', 'entries', 'resource', 'resources',
  'result', 'results', 'response', 'doc', 'docs', 'document', 'documents', 'details', 'detail', 'info', 'content', 'contents',
  'attributes', 'fields', 'form', 'answers', 'answer', 'rows', 'row', 'list', 'message', 'messages', 'params', 'input', 'output',
  'properties', 'props', 'state', 'current', 'selected', 'raw', 'parsed', 'original', 'previous', 'next', 'changes', 'update', 'updates',
  'bundle', 'contained', 'extension', 'member', 'members', 'subject', 'object',
];
