// Files a program builds piece by piece and then writes: an ExcelJS workbook filled row by row, a csv-writer
// writer handed records, a PDF, archive or CSV stream piped into a file and written into afterwards. The
// data reaches the disk through the builder, not through one `fs.writeFile(path, data)` call, so what was
// put into the builder is collected while the walk passes and judged when the file is known to be written.
// A PDF document (PDFKit's `new PDFDocument()`, pdfmake's `createPdfKitDocument(definition)`, a factory named for
// making one) is filled by its own methods and by helpers handed the document and a record
// (`renderDetails(doc, patient)`); its bytes reach the disk through a pipe into a file stream or through a buffer
// a stream-to-buffer helper makes of it (`streamToBuffer(doc, (err, buffer) => fs.writeFile(path, buffer))`).
import { PERSON_CONTEXT_WORDS, withoutContactKinds, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { dottedName, isConstantExpression, memberCall, propertyName, propertyNamed, splitWords, type Node } from './ast';

/** ExcelJS worksheet methods that add rows: the argument holding them. */
const SHEET_ROW_METHODS: Readonly<Record<string, number>> = { addRow: 0, addRows: 0, insertRow: 1, insertRows: 1, spliceRows: 2 };
/** Worksheet accessors whose result's `value`/`values` is a cell's or a row's content (`ws.getCell('A1').value = x`). */
const SHEET_CELL_ACCESSORS = new Set(['getCell', 'getRow', 'getColumn', 'findCell', 'findRow']);
/** Methods of a stream piped into a file that write into it: a chunk, PDFKit's text, an archive entry. */
const PIPED_WRITE_METHODS = new Set(['write', 'end', 'text', 'append', 'push']);
/** Person words that make contextual column names (`Name`, `Phone`, `Address`) a person's (PERSON_CONTEXT_WORDS less record and care-setting words). */
const NOT_A_PERSON = new Set(['clinical', 'medical', 'health', 'encounter', 'visit', 'admission', 'chart', 'record', 'case', 'home', 'intake', 'related', 'emergency', 'human']);
const PERSON_WORDS = new Set(PERSON_CONTEXT_WORDS.filter((word) => !NOT_A_PERSON.has(word)));

/** The key of a receiver the builder is known by: `wb`, `this.doc`. */
function keyOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'TSNonNullExpression') return keyOf(node.expression);
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') {
    const name = propertyName(node);
    return name ? `this.${name}` : undefined;
  }
  return undefined;
}

function unwrapAwait(node: Node): Node {
  let current = node;
  while (current.type === 'AwaitExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  return current;
}

/** The root receiver of a chain of calls: `doc.font('Helvetica').fontSize(10)` → `doc`. */
function chainRoot(node: Node): Node {
  let current = node;
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') current = current.callee.object;
  return current;
}

function mergeTaints(taints: readonly Taint[]): Taint | undefined {
  const kinds = new Set<string>();
  const origins: Taint['origins'][number][] = [];
  let confidence: Taint['confidence'] = 'medium';
  for (const taint of taints) {
    taint.kinds.forEach((kind) => kinds.add(kind));
    for (const origin of taint.origins) if (origins.length < 3) origins.push(origin);
    if (taint.confidence === 'high') confidence = 'high';
  }
  return kinds.size ? { kinds: [...kinds].sort(), origins, confidence } : undefined;
}

/** Column names a table declares: `{ header: 'DOB', key: 'dob' }` (ExcelJS), `{ id: 'dob', title: 'DOB' }` (csv-writer), `{ name }` (a table), or plain strings. */
function columnNames(node: Node | undefined): string[] {
  if (!node || node.type !== 'ArrayExpression') return [];
  const names: string[] = [];
  for (const element of node.elements) {
    if (!element) continue;
    if (element.type === 'Literal' && typeof element.value === 'string') names.push(element.value);
    if (element.type !== 'ObjectExpression') continue;
    for (const key of ['header', 'key', 'id', 'title', 'name']) {
      const value = propertyNamed(element, key)?.value;
      if (value?.type === 'Literal' && typeof value.value === 'string') names.push(value.value);
    }
  }
  return names;
}

/** zlib's callback compressors: `zlib.gzip(data, (err, buffer) => …)`'s buffer holds the data. */
const ZLIB_CALLBACK_COMPRESSORS = new Set(['gzip', 'deflate', 'deflateRaw', 'brotliCompress']);

/** PDF libraries whose document class is constructed (`new PDFDocument()`). */
const PDF_DOCUMENT_MODULES = new Set(['pdfkit', 'pdfkit-table']);

/** A factory named for making a PDF document: `createPdfDoc`, `newPdfDocument`, pdfmake's `createPdfKitDocument`. */
function isPdfDocumentFactory(callee: Node): boolean {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (!name) return false;
  const words = splitWords(name);
  return words.includes('pdf') && (words[words.length - 1] === 'doc' || words[words.length - 1] === 'document') && (words[0] === 'create' || words[0] === 'new' || words[0] === 'make' || words[0] === 'build');
}

/** A helper that turns a stream into one buffer: `streamToBuffer`, `getStream.buffer`, `toBuffer`. */
function isStreamToBuffer(callee: Node): boolean {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (!name) return false;
  const words = splitWords(name);
  return words[words.length - 1] === 'buffer' && !words.includes('write');
}

interface Document {
  /** Records helpers handed the document, with the argument to report. */
  fed: Array<{ node: Node; taint: Taint }>;
  /** What its own methods wrote into it (`doc.text(patient.name)`). */
  written: Taint[];
  piped: boolean;
}

interface Workbook {
  /** A streaming WorkbookWriter: `commit()` writes it to the file its options name. */
  streaming: boolean;
  rows: Taint[];
  columns: string[];
  titles: string[];
}

interface Report {
  node: Node;
  taint?: Taint;
  kinds?: string[];
  /** What the finding says the file holds: seen flowing, or read from its declared columns. */
  byColumns: boolean;
}

export class FileBuilders {
  private readonly workbooks = new Map<string, Workbook>();
  /** Worksheets (`ws = wb.addWorksheet('Patients')`) → their workbook's key. */
  private readonly sheets = new Map<string, string>();
  /** `wb.xlsx.writeFile(path)`: the workbook written and the node to report. */
  private readonly workbookWrites: Array<{ workbook: string; node: Node }> = [];
  /** `buffer = await wb.xlsx.writeBuffer()` → the workbook it serialises. */
  private readonly workbookBuffers = new Map<string, string>();
  /** csv-writer writers: their declared columns. */
  private readonly csvWriters = new Map<string, string[]>();
  private readonly piped = new Set<string>();
  private readonly pipedWrites: Array<{ key: string; node: Node; taint: Taint }> = [];
  private readonly reports: Report[] = [];
  private excelModules = new Set<string>();
  private workbookClasses = new Set<string>();
  private csvWriterModules = new Set<string>();
  private csvWriterFactories = new Set<string>();
  private pdfClasses = new Set<string>();
  private zlibModules = new Set<string>();
  private zlibCompressors = new Set<string>();
  /** PDF documents by the name they are known by → the latest document bound to it (a name is reused across functions). */
  private readonly documentNames = new Map<string, Document>();
  /** Buffers a stream-to-buffer helper made of a document → the document. */
  private readonly documentBuffers = new Map<string, { document: Document; within?: readonly [number, number] }>();
  /** `fs.writeFile(path, buffer)` of a document's buffer. */
  private readonly documentWrites: Array<{ document: Document; node: Node }> = [];
  private readonly allDocuments: Document[] = [];

  /** Whether the file's text could call `pipe` at all: without it no write reaches a piped stream. */
  private readonly mayPipe: boolean;

  constructor(private readonly context: RuleContext, private readonly isFileStream: (node: Node) => boolean) {
    this.mayPipe = context.text.includes('pipe');
  }

  program(): void {
    for (const { local, imported } of this.context.localNamesFrom('exceljs')) {
      if (imported === 'default' || imported === '*') this.excelModules.add(local);
      else if (imported === 'Workbook') this.workbookClasses.add(local);
    }
    for (const module of PDF_DOCUMENT_MODULES) {
      for (const { local, imported } of this.context.localNamesFrom(module)) if (imported === 'default' || imported === '*' || imported === 'PDFDocument') this.pdfClasses.add(local);
    }
    for (const module of ['zlib', 'node:zlib']) {
      for (const { local, imported } of this.context.localNamesFrom(module)) {
        if (imported === 'default' || imported === '*') this.zlibModules.add(local);
        else if (ZLIB_CALLBACK_COMPRESSORS.has(imported)) this.zlibCompressors.add(local);
      }
    }
    for (const { local, imported } of this.context.localNamesFrom('csv-writer')) {
      if (imported === 'default' || imported === '*') this.csvWriterModules.add(local);
      else if (imported === 'createObjectCsvWriter' || imported === 'createArrayCsvWriter') this.csvWriterFactories.add(local);
    }
  }

  private isWorkbookClass(callee: Node): boolean {
    if (callee.type === 'Identifier') return this.workbookClasses.has(callee.name);
    const dotted = dottedName(callee);
    if (!dotted) return false;
    const [root, ...rest] = dotted.split('.');
    // new ExcelJS.Workbook(), new ExcelJS.stream.xlsx.WorkbookWriter({ filename })
    return this.excelModules.has(root) && (rest.join('.') === 'Workbook' || rest.join('.') === 'stream.xlsx.WorkbookWriter');
  }

  private isCsvWriterFactory(callee: Node): boolean {
    if (callee.type === 'Identifier') return this.csvWriterFactories.has(callee.name);
    const call = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    return (call === 'createObjectCsvWriter' || call === 'createArrayCsvWriter') && callee.type === 'MemberExpression' && this.csvWriterModules.has(dottedName(callee.object) ?? '');
  }

  /** `wb = new ExcelJS.Workbook()`, `ws = wb.addWorksheet('Patients')`, `writer = createObjectCsvWriter({ path, header })`, `buf = await wb.xlsx.writeBuffer()`. */
  bind(target: Node, value: Node | null | undefined): void {
    const key = keyOf(target);
    if (!key || !value) return;
    const init = unwrapAwait(value);
    if (init.type === 'NewExpression' && this.isWorkbookClass(init.callee)) {
      this.workbooks.set(key, { streaming: dottedName(init.callee)?.endsWith('WorkbookWriter') ?? false, rows: [], columns: [], titles: [] });
      return;
    }
    if (init.type === 'NewExpression' && init.callee.type === 'Identifier' && this.pdfClasses.has(init.callee.name)) {
      this.newDocument(key, []);
      return;
    }
    if (init.type !== 'CallExpression') return;
    if (isPdfDocumentFactory(init.callee)) {
      // pdfmake's createPdfKitDocument(definition): the definition is the document's content
      const fed: Array<{ node: Node; taint: Taint }> = [];
      for (const argument of init.arguments) {
        if (argument.type === 'SpreadElement' || isConstantExpression(argument)) continue;
        const taint = this.context.taintOf(argument);
        if (taint.kinds.length) fed.push({ node: argument, taint });
      }
      this.newDocument(key, fed);
      return;
    }
    // buffer = await streamToBuffer(doc)
    if (isStreamToBuffer(init.callee)) {
      const document = init.arguments.map((argument) => this.documentNames.get(keyOf(argument) ?? '')).find((found) => found !== undefined);
      if (document) this.documentBuffers.set(key, { document });
      return;
    }
    const call = memberCall(init);
    if (call && (call.method === 'addWorksheet' || call.method === 'getWorksheet')) {
      const workbook = keyOf(call.object);
      if (workbook && this.workbooks.has(workbook)) {
        this.sheets.set(key, workbook);
        const title = init.arguments[0];
        if (title?.type === 'Literal' && typeof title.value === 'string') this.workbooks.get(workbook)!.titles.push(title.value);
      }
      return;
    }
    if (call && (call.method === 'writeBuffer') && call.object.type === 'MemberExpression') {
      const workbook = keyOf(call.object.object);
      if (workbook && this.workbooks.has(workbook)) this.workbookBuffers.set(key, workbook);
      return;
    }
    if (this.isCsvWriterFactory(init.callee)) {
      const options = init.arguments[0];
      const header = options?.type === 'ObjectExpression' ? (propertyNamed(options, 'header')?.value as Node | undefined) : undefined;
      this.csvWriters.set(key, columnNames(header));
    }
  }

  /** `ws.columns = [{ header, key }]`, `ws.getCell('B2').value = patient.name`, `ws.getRow(2).values = row`. */
  assignment(node: TSESTree.AssignmentExpression): void {
    if (node.operator === '=') this.bind(node.left, node.right);
    const target = node.left;
    if (target.type !== 'MemberExpression') return;
    const property = propertyName(target);
    const sheet = this.sheetOf(target.object);
    if (property === 'columns') {
      const sheetKey = keyOf(target.object);
      const workbook = sheetKey ? this.sheets.get(sheetKey) : undefined;
      if (workbook) this.workbooks.get(workbook)!.columns.push(...columnNames(node.right));
      return;
    }
    if ((property === 'value' || property === 'values') && sheet) this.addRows(sheet, node.right);
  }

  /** The workbook of `ws.getCell('A1')`, `ws.getRow(2)`. */
  private sheetOf(object: Node): string | undefined {
    if (object.type !== 'CallExpression') return undefined;
    const call = memberCall(object);
    if (!call || !SHEET_CELL_ACCESSORS.has(call.method)) return undefined;
    const sheet = keyOf(call.object);
    return sheet ? this.sheets.get(sheet) : undefined;
  }

  private addRows(workbook: string, value: Node): void {
    if (isConstantExpression(value)) return;
    const taint = this.context.taintOf(value);
    if (taint.kinds.length) this.workbooks.get(workbook)!.rows.push(taint);
  }

  private isZlibCompressor(callee: Node): boolean {
    if (callee.type === 'Identifier') return this.zlibCompressors.has(callee.name);
    if (callee.type !== 'MemberExpression' || !ZLIB_CALLBACK_COMPRESSORS.has(propertyName(callee) ?? '')) return false;
    const object = dottedName(callee.object);
    return object !== undefined && this.zlibModules.has(object);
  }

  private newDocument(key: string, fed: Array<{ node: Node; taint: Taint }>): void {
    const document: Document = { fed, written: [], piped: false };
    this.documentNames.set(key, document);
    this.allDocuments.push(document);
  }

  /**
   * `renderDetails(doc, patient)`: a helper handed a PDF document and a record writes the record into it;
   * `streamToBuffer(doc, (err, buffer) => …)`: the callback's buffer is the document's bytes.
   */
  private documentCall(node: TSESTree.CallExpression): void {
    if (this.isZlibCompressor(node.callee)) {
      // zlib.gzip(data, (err, buffer) => fs.writeFile(path, buffer)): the buffer is the data, compressed
      const [data, ...rest] = node.arguments;
      const callback = rest.find((argument) => argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression') as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined;
      const buffer = callback?.params[callback.params.length - 1];
      if (!data || data.type === 'SpreadElement' || buffer?.type !== 'Identifier') return;
      const taint = this.context.taintOf(data);
      if (!taint.kinds.length) return;
      const compressed: Document = { fed: [], written: [taint], piped: false };
      this.documentBuffers.set(buffer.name, { document: compressed, within: callback!.range });
      return;
    }
    if (this.documentNames.size === 0) return;
    const first = node.arguments[0];
    const document = first ? this.documentNames.get(keyOf(first) ?? '') : undefined;
    if (!document) return;
    if (isStreamToBuffer(node.callee)) {
      const callback = node.arguments.find((argument) => argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression') as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined;
      const buffer = callback?.params[callback.params.length - 1];
      if (buffer?.type === 'Identifier') this.documentBuffers.set(buffer.name, { document, within: callback!.range });
      return;
    }
    for (const argument of node.arguments.slice(1)) {
      if (argument.type === 'SpreadElement' || argument.type === 'ArrowFunctionExpression' || argument.type === 'FunctionExpression' || isConstantExpression(argument)) continue;
      const taint = this.context.taintOf(argument);
      if (taint.kinds.length) document.fed.push({ node: argument, taint });
    }
  }

  /** Visits a call; true when it was a builder's (the caller then leaves it alone). */
  call(node: TSESTree.CallExpression): boolean {
    this.documentCall(node);
    const call = memberCall(node);
    if (!call) return false;
    // ws.addRow(row), ws.addRows(rows), ws.addTable({ columns, rows })
    const sheetKey = keyOf(call.object);
    const workbook = sheetKey ? this.sheets.get(sheetKey) : undefined;
    if (workbook) {
      const at = SHEET_ROW_METHODS[call.method];
      const rows = at !== undefined ? node.arguments[at] : undefined;
      if (rows && rows.type !== 'SpreadElement') this.addRows(workbook, rows);
      const table = call.method === 'addTable' ? node.arguments[0] : undefined;
      if (table?.type === 'ObjectExpression') {
        const tableRows = propertyNamed(table, 'rows')?.value as Node | undefined;
        if (tableRows) this.addRows(workbook, tableRows);
        this.workbooks.get(workbook)!.columns.push(...columnNames(propertyNamed(table, 'columns')?.value as Node | undefined));
      }
      return at !== undefined || call.method === 'addTable';
    }
    // wb.xlsx.writeFile(path), wb.csv.writeFile(path), wb.xlsx.write(fileStream); a WorkbookWriter's commit()
    if (call.object.type === 'MemberExpression' && (propertyName(call.object) === 'xlsx' || propertyName(call.object) === 'csv')) {
      const written = keyOf(call.object.object);
      const target = node.arguments[0];
      if (written && this.workbooks.has(written) && (call.method === 'writeFile' || (call.method === 'write' && target && this.isFileStream(target)))) {
        this.workbookWrites.push({ workbook: written, node });
        return true;
      }
    }
    const written = keyOf(call.object);
    if (call.method === 'commit' && written && this.workbooks.get(written)?.streaming) {
      this.workbookWrites.push({ workbook: written, node });
      return true;
    }
    // writer.writeRecords(records) of csv-writer
    if (call.method === 'writeRecords' && written && this.csvWriters.has(written)) {
      const records = node.arguments[0];
      if (records && records.type !== 'SpreadElement') {
        const taint = this.context.taintOf(records);
        if (taint.kinds.length) this.reports.push({ node: records, taint, byColumns: false });
        else if (!isConstantExpression(records)) this.reportColumns(records, this.csvWriters.get(written)!, []);
      }
      return true;
    }
    // doc.pipe(fs.createWriteStream(path)), archive.pipe(output)
    if (call.method === 'pipe' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' && this.isFileStream(node.arguments[0])) {
      const source = keyOf(chainRoot(call.object));
      if (source) this.piped.add(source);
      const document = source ? this.documentNames.get(source) : undefined;
      if (document) document.piped = true;
      return false;
    }
    if (PIPED_WRITE_METHODS.has(call.method)) {
      const root = call.method === 'text' ? chainRoot(call.object) : call.object;
      const key = keyOf(root);
      const data = node.arguments[0];
      if (!key || !data || data.type === 'SpreadElement' || this.isFileStream(root)) return false;
      // `rows.push(row)`, `res.write(chunk)`: most such calls write into no document and no piped stream. What they
      // write counts only for a document already built under that name, or for a stream piped somewhere (`.pipe(`,
      // which a file without the word cannot call), so nothing else is evaluated.
      const document = this.documentNames.get(key);
      if (!document && !this.mayPipe) return false;
      const taint = this.context.taintOf(data);
      if (taint.kinds.length) {
        this.pipedWrites.push({ key, node: data, taint });
        document?.written.push(taint);
      }
    }
    return false;
  }

  /** A buffer of a workbook (`await wb.xlsx.writeBuffer()`) written to a file: the workbook's rows. */
  bufferWrite(data: Node): boolean {
    const key = keyOf(unwrapAwait(data));
    const buffer = key ? this.documentBuffers.get(key) : undefined;
    // a callback's buffer is the document's only inside that callback
    if (buffer && (!buffer.within || (data.range[0] >= buffer.within[0] && data.range[1] <= buffer.within[1]))) {
      this.documentWrites.push({ document: buffer.document, node: data });
      return true;
    }
    const workbook = key ? this.workbookBuffers.get(key) : undefined;
    if (!workbook) return false;
    this.workbookWrites.push({ workbook, node: data });
    return true;
  }

  private reportColumns(node: Node, columns: readonly string[], titles: readonly string[]): void {
    const words = [...columns, ...titles].flatMap((name) => [...splitWords(name)]);
    const person = words.some((word) => PERSON_WORDS.has(word));
    const kinds = new Set<string>();
    for (const column of columns) {
      const verdict = this.context.classify(column, person);
      if (!verdict.trap) verdict.kinds.forEach((kind) => kinds.add(kind));
    }
    // Without a person in the table, a contact column (`Email`, `Phone`) is anyone's: a staff list, a supplier list.
    const found = person ? [...kinds] : [...withoutContactKinds([...kinds])];
    if (found.length) this.reports.push({ node, kinds: found.sort(), byColumns: true });
  }

  /** What was found, once the whole file was walked. */
  findings(): Report[] {
    for (const { workbook, node } of this.workbookWrites) {
      const book = this.workbooks.get(workbook)!;
      const taint = mergeTaints(book.rows);
      if (taint) this.reports.push({ node, taint, byColumns: false });
      else this.reportColumns(node, book.columns, book.titles);
    }
    for (const write of this.pipedWrites) {
      if (this.piped.has(write.key)) this.reports.push({ node: write.node, taint: write.taint, byColumns: false });
    }
    // a document piped into a file: each record a helper wrote into it
    for (const document of this.allDocuments) {
      if (document.piped) for (const { node, taint } of document.fed) this.reports.push({ node, taint, byColumns: false });
    }
    // a document's buffer written to a file: all it was filled with, by its own methods and by helpers
    for (const { document, node } of this.documentWrites) {
      const taint = mergeTaints([...document.fed.map((fed) => fed.taint), ...document.written]);
      if (taint) this.reports.push({ node, taint, byColumns: false });
    }
    return this.reports;
  }
}
