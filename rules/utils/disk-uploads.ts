// Uploads a route saves to the server's own disk: multer with disk storage (`multer({ dest })`,
// `multer({ storage: multer.diskStorage(…) })`) mounted on a route whose path or upload field names patient
// documents (`router.post('/patients/:id/documents', upload.single('labReport'), …)`). The files land in a local
// folder as they were sent, unencrypted; memory storage and cloud storage engines are not the disk.
import { type RuleContext, type TSESTree } from '../../server/src/rule-api';
import { dottedName, memberCall, propertyNamed, type Node } from './ast';

/** multer instance methods that return the middleware saving the request's files. */
const UPLOAD_METHODS = new Set(['single', 'array', 'fields', 'any']);
/** Route registration methods of Express-style routers. */
const ROUTE_METHODS = new Set(['post', 'put', 'patch', 'all']);

export class DiskUploads {
  private multers = new Set<string>();
  /** Variables holding a multer instance that writes to disk, and `multer.diskStorage(…)` engines. */
  private readonly diskUploaders = new Set<string>();
  private readonly diskEngines = new Set<string>();

  constructor(private readonly context: RuleContext) {}

  /** Top-level functions of the module by the names it exports them under (`exports.middleware = Uploader`, `export function upload`). */
  private readonly exportedFunctions = new Map<string, string[]>();
  private readonly reportedHelpers = new Set<Node>();

  program(program?: TSESTree.Program): void {
    this.multers = new Set(this.context.localNamesFrom('multer').filter(({ imported }) => imported === 'default' || imported === '*').map(({ local }) => local));
    this.exportedFunctions.clear();
    if (this.multers.size === 0 || !program) return;
    const note = (fn: string, exported: string) => this.exportedFunctions.set(fn, [...(this.exportedFunctions.get(fn) ?? []), exported]);
    for (const statement of program.body) {
      if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'FunctionDeclaration' && statement.declaration.id) note(statement.declaration.id.name, statement.declaration.id.name);
      if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
      const { left, right } = statement.expression;
      const target = dottedName(left as Node);
      const exported = target && /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target)?.[1];
      if (exported && right.type === 'Identifier') note(right.name, exported);
    }
  }

  /**
   * `multer.diskStorage(…)` / `multer({ dest })` in a function the module exports, which routes of other files mount
   * (`app.post('/patients/:uuid/documents', upload.middleware('docs', 'documents'), …)`): what those routes say the
   * uploaded files are. The finding is at the helper, where the disk storage is configured.
   */
  helperStorage(node: TSESTree.CallExpression): { node: Node; kinds: string[] } | undefined {
    if (this.multers.size === 0 || this.exportedFunctions.size === 0) return undefined;
    if (!this.isDiskStorageCall(node) && !this.isDiskMulter(node)) return undefined;
    let fn: Node | undefined = node;
    while (fn && fn.type !== 'FunctionDeclaration') fn = (fn as { parent?: Node }).parent;
    if (fn?.type !== 'FunctionDeclaration' || !fn.id) return undefined;
    const exports = this.exportedFunctions.get(fn.id.name);
    // One finding per helper: at its disk storage engine, not again at the multer instance built on it.
    if (!exports || this.reportedHelpers.has(fn)) return undefined;
    const kinds = new Set<string>();
    for (const exported of exports) for (const name of this.context.uploadHelperMountNames(exported)) this.context.classifyName(name).forEach((kind) => kinds.add(kind));
    if (!kinds.size) return undefined;
    this.reportedHelpers.add(fn);
    return { node, kinds: [...kinds].sort() };
  }

  private isDiskStorageCall(node: Node | undefined): boolean {
    if (node?.type !== 'CallExpression') return false;
    const call = memberCall(node);
    return call?.method === 'diskStorage' && this.multers.has(dottedName(call.object) ?? '');
  }

  /** `multer({ dest })`, `multer({ storage: multer.diskStorage(…) })`, `multer({ storage: diskEngine })`. */
  private isDiskMulter(node: Node | undefined): boolean {
    if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || !this.multers.has(node.callee.name)) return false;
    const options = node.arguments[0];
    if (options?.type !== 'ObjectExpression') return false;
    if (propertyNamed(options, 'dest')) return true;
    const storage = propertyNamed(options, 'storage')?.value as Node | undefined;
    return this.isDiskStorageCall(storage) || (storage?.type === 'Identifier' && this.diskEngines.has(storage.name));
  }

  variableDeclarator(node: TSESTree.VariableDeclarator): void {
    if (this.multers.size === 0 || node.id.type !== 'Identifier') return;
    if (this.isDiskStorageCall(node.init ?? undefined)) this.diskEngines.add(node.id.name);
    else if (this.isDiskMulter(node.init ?? undefined)) this.diskUploaders.add(node.id.name);
  }

  /** `router.post('/patients/:id/documents', upload.single('report'), handler)`: the middleware and what the route or field says the files are. */
  route(node: TSESTree.CallExpression): { node: Node; kinds: string[] } | undefined {
    if (this.multers.size === 0) return undefined;
    const call = memberCall(node);
    const path = node.arguments[0];
    if (!call || !ROUTE_METHODS.has(call.method) || !path) return undefined;
    const routePath = this.context.constantOf(path);
    if (typeof routePath !== 'string') return undefined;
    for (const argument of node.arguments.slice(1)) {
      if (argument.type !== 'CallExpression') continue;
      const upload = memberCall(argument);
      if (!upload || !UPLOAD_METHODS.has(upload.method)) continue;
      const disk = (upload.object.type === 'Identifier' && this.diskUploaders.has(upload.object.name)) || this.isDiskMulter(upload.object);
      if (!disk) continue;
      const names = routePath.split('/').filter((segment) => segment && !segment.startsWith(':'));
      const field = argument.arguments[0];
      if (field?.type === 'Literal' && typeof field.value === 'string') names.push(field.value);
      const kinds = new Set<string>();
      for (const name of names) this.context.classifyName(name).forEach((kind) => kinds.add(kind));
      return kinds.size ? { node: argument, kinds: [...kinds].sort() } : undefined;
    }
    return undefined;
  }
}
