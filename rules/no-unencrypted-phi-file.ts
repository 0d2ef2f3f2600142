import { createRule, type RuleContext, type Taint, type TSESTree } from '../server/src/rule-api';
import { calleeName, dottedName, isConstantExpression, lastSegment, memberCall, propertyNamed, splitWords, type Node } from './utils/ast';
import { RealmCopies } from './utils/device-stores';
import { BrowserDownloads, type Download } from './utils/browser-downloads';
import { DiskUploads } from './utils/disk-uploads';
import { FileBuilders } from './utils/file-builders';

/** Modules whose write functions put data on disk. */
const FS_MODULES = new Set([
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs', 'fs-extra/esm', 'jsonfile', 'write-file-atomic', 'write-json-file',
  // the device's file system in React Native, Expo and Capacitor apps
  'react-native-fs', 'expo-file-system', 'expo-file-system/legacy', '@capacitor/filesystem', 'react-native-blob-util', 'rn-fetch-blob',
  // the fs module of rn-fetch-blob and react-native-blob-util, imported on its own (`import RNFetchBlobFS from 'rn-fetch-blob/fs'`)
  'rn-fetch-blob/fs', 'react-native-blob-util/fs',
]);
/** Modules whose `write(path, data)` writes a file (react-native-fs). */
const PATH_WRITE_MODULES = new Set(['react-native-fs']);
/** Modules whose write functions take one options object `{ path, data }` (Capacitor's Filesystem). */
const OPTIONS_WRITE_MODULES = new Set(['@capacitor/filesystem']);
/** Receivers that are a file-system module by convention: `fs`, `fsp`, `fs.promises`, `fse`. */
const FS_OBJECT_NAMES = new Set(['fs', 'fsp', 'fsPromises', 'fse', 'fsExtra', 'promises', 'gracefulFs', 'jsonfile', 'Deno', 'Bun']);
/** Write functions: the data is the second argument (Bun.write too). */
const WRITE_FUNCTIONS = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync',
  'outputJSON', 'outputJSONSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'writeFileAtomic', 'writeJsonFile',
  'writeTextFile', 'writeTextFileSync', 'write', 'writeAsStringAsync',
]);
/**
 * Spreadsheet libraries (SheetJS and its styled fork) whose `writeFile(workbook, fileName)` writes the workbook to
 * a file: on disk in Node, as a download the browser saves to the user's disk. Note the order: data first.
 */
const SPREADSHEET_MODULES = new Set(['xlsx', 'xlsx-js-style', 'sheetjs-style']);
const SPREADSHEET_WRITE_FUNCTIONS = new Set(['writeFile', 'writeFileXLSX', 'writeFileSync']);
/** Stream methods that write a chunk. */
const STREAM_WRITE_METHODS = new Set(['write', 'end']);
/** A file name's segment that says which copy or version it is, not what it holds (`.new`, `.bak`, `.4`). */
const VARIANT_SEGMENT = /^(new|old|orig|original|backup|bak|tmp|temp|copy|final|latest|draft|next|prev|previous|min|generated|gen|v?\d+)$/i;
/** Paths that are not files at rest. */
const NOT_A_FILE = /^(\/dev\/(stdout|stderr|null)|-|CON|NUL)$/i;

/**
 * HTML-to-PDF renderers whose documented job is to write the rendered page to a file on the device or the server:
 * expo-print's `printToFileAsync({ html })` (a PDF in the app's cache), react-native-html-to-pdf's `convert({ html })`
 * (a PDF in the app's documents or cache), html-pdf's `create(html).toFile(…)`. The file holds what the HTML holds.
 */
const PDF_TO_FILE_MODULES: Record<string, { method: string; options: boolean }> = {
  'expo-print': { method: 'printToFileAsync', options: true },
  'react-native-html-to-pdf': { method: 'convert', options: true },
  'html-pdf': { method: 'create', options: false },
};

interface Imports {
  /** Local names bound to a whole fs-like module. */
  modules: Set<string>;
  /** Local names bound to a write function (`import { writeFile } from 'fs/promises'`). */
  writers: Set<string>;
  /** Local names bound to `createWriteStream`. */
  streamFactories: Set<string>;
  /** Local names of modules whose `write(path, data)` writes a file. */
  pathWriters: Set<string>;
  /** Local names of modules whose writes take `{ path, data }`. */
  optionWriters: Set<string>;
  /** Local names bound to a spreadsheet module (`import XLSX from 'xlsx'`), whose `writeFile(workbook, name)` writes a file. */
  spreadsheets: Set<string>;
  /** Local names bound to a spreadsheet module's write function (`import { writeFile } from 'xlsx'`). */
  spreadsheetWriters: Set<string>;
  /** Local names of an HTML-to-PDF renderer module (`Print`, `RNHTMLToPDF`, `pdf`) or of its rendering function, with that function's name. */
  pdfModules: Map<string, string>;
  pdfFunctions: Set<string>;
}

function collectImports(context: RuleContext): Imports {
  const imports: Imports = { modules: new Set(), writers: new Set(), streamFactories: new Set(), pathWriters: new Set(), optionWriters: new Set(), spreadsheets: new Set(), spreadsheetWriters: new Set(), pdfModules: new Map(), pdfFunctions: new Set() };
  for (const [module, { method, options }] of Object.entries(PDF_TO_FILE_MODULES)) {
    for (const { local, imported } of context.localNamesFrom(module)) {
      if (imported === 'default' || imported === '*') imports.pdfModules.set(local, method);
      // a named `create` of html-pdf is too common a name to follow; named expo-print functions are distinctive
      else if (imported === method && options) imports.pdfFunctions.add(local);
    }
  }
  for (const module of SPREADSHEET_MODULES) {
    for (const { local, imported } of context.localNamesFrom(module)) {
      if (imported === 'default' || imported === '*') imports.spreadsheets.add(local);
      else if (SPREADSHEET_WRITE_FUNCTIONS.has(imported)) imports.spreadsheetWriters.add(local);
    }
  }
  for (const module of FS_MODULES) {
    for (const { local, imported } of context.localNamesFrom(module)) {
      if (PATH_WRITE_MODULES.has(module) && (imported === 'default' || imported === '*')) imports.pathWriters.add(local);
      if (OPTIONS_WRITE_MODULES.has(module)) {
        imports.optionWriters.add(local);
        if (imported !== 'default' && imported !== '*') imports.modules.add(local);
      }
      if (imported === 'default' || imported === '*') {
        if (module === 'write-file-atomic' || module === 'write-json-file') imports.writers.add(local);
        else imports.modules.add(local);
        continue;
      }
      if (WRITE_FUNCTIONS.has(imported) && imported !== 'write') imports.writers.add(local);
      if (imported === 'createWriteStream') imports.streamFactories.add(local);
      if (imported === 'promises') imports.modules.add(local);
    }
  }
  return imports;
}

function isFsObject(object: Node, imports: Imports): boolean {
  const dotted = dottedName(object);
  if (!dotted) return false;
  if (dotted === 'fs.promises' || dotted.endsWith('.fs') || dotted.endsWith('.fs.promises')) return true;
  const last = lastSegment(object)!;
  return imports.modules.has(dotted) || imports.modules.has(last) || FS_OBJECT_NAMES.has(last);
}

/** `fs.writeFile(path, data)` and friends: the path and data arguments. */
function fileWrite(node: TSESTree.CallExpression, imports: Imports): { path?: Node; data: Node } | undefined {
  const args = node.arguments;
  // Capacitor: Filesystem.writeFile({ path, data, directory })
  const options = args[0];
  if (args.length === 1 && options.type === 'ObjectExpression' && node.callee.type === 'MemberExpression' && imports.optionWriters.has(dottedName(node.callee.object) ?? '')) {
    const method = memberCall(node)?.method;
    const data = propertyNamed(options, 'data')?.value as Node | undefined;
    if ((method === 'writeFile' || method === 'appendFile') && data) return { path: propertyNamed(options, 'path')?.value as Node | undefined, data };
    return undefined;
  }
  if (args.length < 2 || args[0].type === 'SpreadElement' || args[1].type === 'SpreadElement') return undefined;
  if (node.callee.type === 'Identifier') {
    return imports.writers.has(node.callee.name) ? { path: args[0], data: args[1] } : undefined;
  }
  const call = memberCall(node);
  if (!call || !WRITE_FUNCTIONS.has(call.method)) return undefined;
  if (call.method === 'write' && dottedName(call.object) !== 'Bun' && !imports.pathWriters.has(dottedName(call.object) ?? '')) return undefined;
  return isFsObject(call.object, imports) ? { path: args[0], data: args[1] } : undefined;
}

/** `XLSX.writeFile(workbook, 'patients.xlsx')`, `writeFileXLSX(workbook, name)` of SheetJS: the workbook and the file name. */
function spreadsheetWrite(node: TSESTree.CallExpression, imports: Imports): { path?: Node; data: Node } | undefined {
  const [data, path] = node.arguments;
  if (!data || data.type === 'SpreadElement' || path?.type === 'SpreadElement') return undefined;
  if (node.callee.type === 'Identifier') return imports.spreadsheetWriters.has(node.callee.name) ? { data, path } : undefined;
  const call = memberCall(node);
  if (!call || !SPREADSHEET_WRITE_FUNCTIONS.has(call.method)) return undefined;
  return imports.spreadsheets.has(dottedName(call.object) ?? '') ? { data, path } : undefined;
}

/** The `html` option of a PDF renderer's call. A module-level function: pdfFileWrite runs for every call, and a closure
 * made there cost a property definition each time in the shipped build (esbuild's keepNames names every closure). */
function htmlOption(call: TSESTree.CallExpression): Node | undefined {
  const options = call.arguments[0];
  return options?.type === 'ObjectExpression' ? (propertyNamed(options, 'html')?.value as Node | undefined) : undefined;
}

/**
 * The HTML a PDF renderer writes to a file: `Print.printToFileAsync({ html })`, `RNHTMLtoPDF.convert({ html, fileName })`,
 * `pdf.create(html, options).toFile(…)` (html-pdf writes only when asked for a file: `.toFile`, not `.toBuffer`).
 */
function pdfFileWrite(node: TSESTree.CallExpression, imports: Imports): Node | undefined {
  if (node.callee.type === 'Identifier') return imports.pdfFunctions.has(node.callee.name) ? htmlOption(node) : undefined;
  const call = memberCall(node);
  if (!call) return undefined;
  if (call.method === 'toFile' && call.object.type === 'CallExpression') {
    const create = memberCall(call.object);
    const html = call.object.arguments[0];
    if (create && create.method === 'create' && imports.pdfModules.get(dottedName(create.object) ?? '') === 'create' && html && html.type !== 'SpreadElement') return html;
    return undefined;
  }
  const method = imports.pdfModules.get(dottedName(call.object) ?? '');
  return method !== undefined && method !== 'create' && call.method === method ? htmlOption(node) : undefined;
}

/** `stream.write(chunk)` on a file write stream, chained or through a variable. */
function streamWrite(context: RuleContext, node: TSESTree.CallExpression, imports: Imports, streamVariables: ReadonlySet<string>): { data: Node; guessed: boolean; path?: Node } | undefined {
  const call = memberCall(node);
  if (!call || !STREAM_WRITE_METHODS.has(call.method)) return undefined;
  const data = node.arguments[0];
  if (!data || data.type === 'SpreadElement') return undefined;
  let object = call.object;
  while (object.type === 'AwaitExpression' || object.type === 'TSNonNullExpression') object = object.type === 'AwaitExpression' ? object.argument : object.expression;
  if (object.type === 'CallExpression') {
    const name = calleeName(object.callee);
    if (name === 'createWriteStream' || (object.callee.type === 'Identifier' && imports.streamFactories.has(object.callee.name))) {
      return { data, guessed: false, path: object.arguments[0] as Node | undefined };
    }
    return undefined;
  }
  if (context.hasTag(object, 'write-stream') || (object.type === 'Identifier' && streamVariables.has(object.name))) return { data, guessed: false };
  // `fileStream.write(…)`, `this.outStream.write(…)`: named like a file stream, a guess.
  const name = lastSegment(object);
  if (!name) return undefined;
  const words = splitWords(name);
  const last = words[words.length - 1];
  if ((last === 'stream' || last === 'writer') && words.some((word) => word === 'file' || word === 'write' || word === 'csv' || word === 'export' || word === 'output' || word === 'out')) {
    return { data, guessed: true };
  }
  return undefined;
}

function isNotAFile(context: RuleContext, path: Node | undefined): boolean {
  if (!path) return false;
  const constant = context.constantOf(path);
  if (typeof constant === 'string' && NOT_A_FILE.test(constant)) return true;
  const dotted = dottedName(path);
  return dotted === 'process.stdout.fd' || dotted === 'process.stderr.fd';
}

/**
 * `patients-export.csv` for an opaque payload: the file's own name says what it holds (a guess). Its format and
 * the variant or version segments before it (`.new.yaml`, `.4.0.1.json`, `.backup.csv`) are not its name, so
 * `prescription-service-api.new.yaml` is named after an API (a code-structure word), not after prescriptions.
 */
function kindsOfFileName(context: RuleContext, path: Node | undefined): string[] {
  if (!path) return [];
  const constant = context.constantOf(path);
  if (typeof constant !== 'string') return [];
  const base = constant.split(/[\\/]/).pop() ?? '';
  const segments = base.replace(/^\.+/, '').split('.');
  if (segments.length > 1) segments.pop();
  while (segments.length > 1 && VARIANT_SEGMENT.test(segments[segments.length - 1])) segments.pop();
  const stem = segments.join('.');
  return stem ? context.classifyName(stem) : [];
}

function dataTaint(context: RuleContext, data: Node, path: Node | undefined, seen?: Taint): { taint: Taint; guessed: boolean } | undefined {
  if (context.hasTag(data, 'encrypted') || context.hasTag(data, 'sanitized')) return undefined;
  const taint = seen ?? context.taintOf(data);
  if (taint.kinds.length) return { taint, guessed: false };
  if (isConstantExpression(data) || data.type === 'ObjectExpression' || data.type === 'ArrayExpression') return undefined;
  // A table a build script computed from the repository's own JSON modules (a FHIR compartment's search
  // parameters, a combined specification): metadata, whatever the file is named after.
  if (context.hasTag(data, 'workspace-content')) return undefined;
  const byName = kindsOfFileName(context, path);
  if (byName.length === 0) return undefined;
  return { taint: { kinds: byName, origins: [], confidence: 'medium' }, guessed: true };
}

/** A function that decrypts (`decrypt`, `decryptFile`, `aesCrypto.decryptData`), not one that handles keys or secrets. */
const DECRYPT_CALLEE = /^decrypt(?!.*(?:key|secret|password|token|credential|cert|config|env))/i;
/** What a decrypted file holding key material or configuration is named or written under. */
const SECRET_MATERIAL = /key|secret|password|passwd|token|credential|cert|\.env|config|settings/i;

function unwrapValue(node: Node): Node {
  let current = node;
  while (current.type === 'AwaitExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  return current;
}

function isDecryptCall(node: Node | null | undefined): boolean {
  if (!node) return false;
  const value = unwrapValue(node);
  if (value.type !== 'CallExpression') return false;
  const name = lastSegment(value.callee);
  return name !== undefined && DECRYPT_CALLEE.test(name);
}

/** What a callback returns when its body is one expression or a single `return` (`(data) => decrypt(password, data)`). */
function returnedExpression(fn: Node): Node | undefined {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  return last?.type === 'ReturnStatement' && last.argument ? last.argument : undefined;
}

/**
 * The plaintext of a decryption: `await decryptFile(…)` (directly, or a variable of the enclosing function initialised
 * with it), or the parameter of a promise callback whose promise is a decryption (`decrypt(pw, data).then((plain) => …)`,
 * `.then((data) => decrypt(pw, data)).then((plain) => …)`).
 */
function isDecryptedValue(context: RuleContext, data: Node): boolean {
  const value = unwrapValue(data);
  if (isDecryptCall(value)) return true;
  if (value.type !== 'Identifier') return false;
  let scope: Node | undefined = context.parentOf(value);
  while (scope && scope.type !== 'FunctionDeclaration' && scope.type !== 'FunctionExpression' && scope.type !== 'ArrowFunctionExpression') scope = context.parentOf(scope);
  if (!scope) return false;
  const fn = scope as TSESTree.FunctionLike;
  const param = fn.params.findIndex((p) => p.type === 'Identifier' && p.name === value.name);
  if (param === 0) {
    const call = context.parentOf(fn);
    if (call?.type === 'CallExpression' && call.arguments[0] === fn) {
      const then = memberCall(call);
      if (then?.method === 'then') {
        if (isDecryptCall(then.object)) return true;
        const previous = unwrapValue(then.object);
        const link = previous.type === 'CallExpression' ? memberCall(previous) : undefined;
        const callback = link?.method === 'then' ? (previous as TSESTree.CallExpression).arguments[0] : undefined;
        const returned = callback ? returnedExpression(callback as Node) : undefined;
        if (returned && isDecryptCall(returned)) return true;
      }
    }
    return false;
  }
  if (param >= 0 || !fn.body || fn.body.type !== 'BlockStatement') return false;
  for (const statement of fn.body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === value.name && isDecryptCall(declarator.init)) return true;
    }
  }
  return false;
}

export default createRule({
  meta: {
    id: 'no-unencrypted-phi-file',
    description: 'Disallow writing PHI to files without encrypting it first (Node, Deno and Bun, the device file system of React Native, Expo and Capacitor apps, HTML-to-PDF renderers that write a file, and browser downloads), and unencrypted copies of a whole on-device database.',
    rationale:
      'Files written by a service outlive the request: they are copied by backups, synced to shared drives, attached to tickets, left in /tmp and on laptops. HIPAA’s encryption-at-rest safeguard expects PHI on disk to be encrypted so that a lost disk, a leaked backup or a misconfigured bucket does not become a breach. Encrypt the content (or write it only to an encrypted store) before it touches the file system.',
    category: 'storage',
    defaultSeverity: 'error',
    cwe: ['CWE-312', 'CWE-313'],
    hipaa: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      phiToFile: 'Writing {{kinds}} to a file without encryption. Encrypt the content before it reaches the disk (backups, shared drives and temp folders keep files), or write to an encrypted store.',
      databaseCopy: 'Copying the whole on-device database, whose code reads {{kinds}} ({{types}}), to a file without an encryption key. Pass the live database’s encryptionKey to the copy (a backup or export is the easiest copy to lose), or encrypt the file before it leaves the app’s private storage.',
      phiToFileByName: 'Writing what the file name says is {{kinds}} to a file without encryption. Encrypt the content before it reaches the disk, or write to an encrypted store.',
      diskUpload: 'Saving uploaded files that the route or its upload field says are {{kinds}} to the server\'s disk as sent (multer disk storage), unencrypted. Encrypt them before they are stored, or use an encrypted store (an encrypted bucket, a database with encryption at rest).',
      download: 'Saving {{kinds}} to the user\'s disk as a browser download, unencrypted. The file lands in the Downloads folder of whatever machine is in use (a shared clinic workstation too) and outlives the session; export only what is needed, or encrypt the file (a password-protected archive) before it is saved.',
      phiToFileByColumns: 'Writing a table whose declared columns are {{kinds}} to a file without encryption. Encrypt the content before it reaches the disk, or write to an encrypted store.',
      decryptedToFile: 'Writing the plaintext of a decryption to a file: content the app keeps encrypted (a synced or downloaded record, an import or backup) lands on disk in clear and outlives its use. Keep the plaintext in memory, or re-encrypt it before it is written.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code'],
  },
  defaultOptions: {},
  create(context) {
    let imports: Imports = { modules: new Set(), writers: new Set(), streamFactories: new Set(), pathWriters: new Set(), optionWriters: new Set(), spreadsheets: new Set(), spreadsheetWriters: new Set(), pdfModules: new Map(), pdfFunctions: new Set() };
    const realmCopies = new RealmCopies(context);
    /** Variables initialised from a bare `createWriteStream(…)` (the engine tags only `fs.createWriteStream`). */
    const streamVariables = new Set<string>();
    /** `fs.createWriteStream(path)` (or a bare imported one), or a variable holding such a stream. */
    const isFileStream = (node: Node): boolean => {
      let stream = node;
      while (stream.type === 'AwaitExpression' || stream.type === 'TSNonNullExpression') stream = stream.type === 'AwaitExpression' ? stream.argument : stream.expression;
      if (stream.type === 'CallExpression') return calleeName(stream.callee) === 'createWriteStream' || (stream.callee.type === 'Identifier' && imports.streamFactories.has(stream.callee.name));
      return context.hasTag(stream, 'write-stream') || (stream.type === 'Identifier' && streamVariables.has(stream.name));
    };
    const builders = new FileBuilders(context, isFileStream);
    const uploads = new DiskUploads(context);
    const check = (data: Node, path: Node | undefined, guessedSink: boolean) => {
      if (isNotAFile(context, path)) return;
      const found = dataTaint(context, data, path);
      if (!found) {
        // the plaintext of a decryption: what the app keeps encrypted, whatever it is named
        if (!guessedSink && context.fileRole === 'production' && isDecryptedValue(context, data) && !SECRET_MATERIAL.test(context.getText(data)) && !(path && SECRET_MATERIAL.test(context.getText(path)))) {
          context.report({ node: data, messageId: 'decryptedToFile', precision: 'medium' });
        }
        return;
      }
      const precision = found.guessed || guessedSink ? 'medium' : undefined;
      context.report({ node: data, messageId: found.guessed ? 'phiToFileByName' : 'phiToFile', taint: found.taint, precision });
    };
    const downloads = new BrowserDownloads(context);
    /**
     * A browser download's content: a workbook's buffer is the workbook's rows; anything else, what it is seen to hold.
     * Not guessed from the file name: a download's name is often the product's or a report's title
     * (`DanpheEMR-UserManual.pdf`), not what the content is.
     */
    const checkDownload = (download: Download, taints?: readonly Taint[]) => {
      download.data.forEach((data, index) => {
        if (builders.bufferWrite(data)) return;
        const found = dataTaint(context, data, undefined, taints?.[index]);
        if (found) context.report({ node: data, messageId: 'download', taint: found.taint });
      });
    };
    return {
      Program(node: TSESTree.Program) {
        imports = collectImports(context);
        builders.program();
        uploads.program(node);
        downloads.program();
      },
      'Program:exit'() {
        for (const anchor of downloads.anchors()) checkDownload(anchor, anchor.taints);
        for (const copy of realmCopies.findings()) context.report({ node: copy.node, messageId: 'databaseCopy', taint: copy.taint, data: { types: copy.names.join(', ') }, precision: 'medium' });
        for (const found of builders.findings()) {
          if (found.byColumns) context.report({ node: found.node, messageId: 'phiToFileByColumns', kinds: found.kinds, precision: 'medium' });
          else context.report({ node: found.node, messageId: 'phiToFile', taint: found.taint });
        }
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        builders.assignment(node);
        downloads.assignment(node);
      },
      JSXOpeningElement(node: TSESTree.JSXOpeningElement) {
        const download = downloads.jsx(node);
        if (download) checkDownload(download);
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        realmCopies.memberExpression(node);
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        realmCopies.variableDeclarator(node);
        builders.bind(node.id, node.init);
        downloads.bind(node.id, node.init);
        uploads.variableDeclarator(node);
        let init = node.init;
        while (init?.type === 'AwaitExpression') init = init.argument;
        if (node.id.type !== 'Identifier' || init?.type !== 'CallExpression') return;
        if (calleeName(init.callee) === 'createWriteStream') streamVariables.add(node.id.name);
      },
      CallExpression(node: TSESTree.CallExpression) {
        realmCopies.callExpression(node);
        const upload = uploads.route(node) ?? uploads.helperStorage(node);
        if (upload) {
          context.report({ node: upload.node, messageId: 'diskUpload', kinds: upload.kinds, precision: 'medium' });
          return;
        }
        const write = fileWrite(node, imports) ?? spreadsheetWrite(node, imports);
        if (write) {
          // fs.writeFile(path, await workbook.xlsx.writeBuffer()): what the workbook was filled with
          if (!isNotAFile(context, write.path) && builders.bufferWrite(write.data)) return;
          check(write.data, write.path, false);
          return;
        }
        const renderedHtml = pdfFileWrite(node, imports);
        if (renderedHtml) {
          check(renderedHtml, undefined, false);
          return;
        }
        const download = downloads.call(node);
        if (download) {
          checkDownload(download);
          return;
        }
        const stream = streamWrite(context, node, imports, streamVariables);
        if (stream) check(stream.data, stream.path, stream.guessed);
        else builders.call(node);
      },
    };
  },
});
