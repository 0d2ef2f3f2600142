// Server routes served over GET whose handlers read PHI from the query string where no single
// `req.query.x` read shows it: the query object taken apart (`const { query } = req`, a rest
// `...filters`), handed to a helper with the parameter names it reads, FHIR search routes and the
// search interactions of node-fhir-server-core service modules, PHI-named path parameters.
// A syntactic model of the whole file, run once: what the no-phi-in-url rule reports from it.
import { CONTACT_KINDS, isAccountContextName, subjectOfName, type Precision, type TSESTree } from '../../server/src/rule-api';
import { childNodes, dottedName, isFunction, isStringLiteral, keyName, lastSegment, propertyName, splitWords, unwrap, type Node } from './ast';
import { eventReads } from './lambda-event-logging';

type FunctionNode = TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration;

export interface QueryParameterRead {
  node: Node;
  /** The query parameter's name (code, never a value). */
  name: string;
  kinds: readonly string[];
}

export interface GetRouteFinding {
  kind: 'handlerQuery' | 'fhirSearchRoute' | 'fhirSearchArguments' | 'pathParameter' | 'lambdaEventQuery' | 'requestUrlQuery';
  node: Node;
  kinds: string[];
  reads: QueryParameterRead[];
  precision: Precision;
  /** What is shown in the message: a route path, an interaction or the reads' names (code only). */
  label: string;
}

export interface GetRouteDeps {
  /** The workspace-relative path of the file. */
  file: string;
  /** The config says the app's users are patients: account and user routes serve a patient's own data. */
  appUsersArePatients?: boolean;
  classifyName(name: string): readonly string[];
  importsModule(module: RegExp): boolean;
  /** The keys a function of another workspace module reads from its first parameter (through the workspace index). */
  queryKeysReadBy?(callee: Node): readonly string[];
  /** The keys a function of another workspace module reads from the query of the request it takes first (through the workspace index). */
  requestQueryKeysReadBy?(callee: Node): readonly string[];
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
/** First parameter names of a request handler: Express/Fastify `req`/`request`, Koa `ctx`. */
const REQUEST_NAMES = new Set(['req', 'request', 'ctx']);
/** Second parameter names of a handler: Express `res`, Fastify `reply`, hapi's response toolkit `h`. */
export const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'resp', 'next', 'h', 'toolkit', 'responseToolkit']);
/** Array methods whose callback receives the array's elements: `['firstName', 'lastName'].filter(key => query[key])`. */
const ELEMENT_CALLBACK_METHODS = new Set(['filter', 'map', 'forEach', 'some', 'every', 'reduce', 'flatMap', 'find']);
/** Keys that name a query parameter in a helper's description of what it reads: `{ key: 'firstName', mapFn }`. */
const PARAMETER_KEY_PROPERTIES = new Set(['key', 'name', 'field', 'param', 'parameter', 'queryKey', 'queryParam']);
/**
 * Staff people (not organisations: a lab request or a clinic's listing filtered by `lastName` filters by
 * the patient's): their own e-mail or phone in a route is not PHI.
 */
const STAFF_PERSON_WORDS = new Set(['user', 'users', 'staff', 'practitioner', 'practitioners', 'clinician', 'clinicians', 'provider', 'providers', 'doctor', 'doctors', 'nurse', 'nurses', 'employee', 'employees', 'admin', 'admins', 'author', 'authors',
  // Spanish and Portuguese health professionals and nurses
  'profesional', 'profesionales', 'profissional', 'profissionais', 'enfermero', 'enfermera', 'enfermeros', 'enfermeras', 'enfermeiro', 'enfermeira']);
/** In a patient app the users are patients: only the workforce's own words name staff. */
const PATIENT_APP_STAFF_PERSON_WORDS = new Set([...STAFF_PERSON_WORDS].filter((word) => word !== 'user' && word !== 'users'));
/** What a query parameter's name looks like: `lastName`, `date_of_birth`, `address-city`. */
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Wrappers that hand the query object on unchanged: `query as T`, `query!`, `query satisfies T`. */
const TYPE_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);
/** How deep a query object is followed into helpers of the same file. */
const HELPER_DEPTH = 2;

/**
 * FHIR search parameters of the Patient resource (and the person-like parameters every FHIR server
 * shares) and what they carry. A Patient search over GET puts these values into the URL.
 */
const FHIR_PATIENT_SEARCH_PARAMETERS: ReadonlyMap<string, string> = new Map([
  ['name', 'name'], ['family', 'name'], ['given', 'name'], ['phonetic', 'name'],
  ['birthdate', 'date-of-birth'], ['death-date', 'death-date'], ['deathdate', 'death-date'],
  ['address', 'address'], ['address-city', 'address'], ['address-state', 'address'], ['address-postalcode', 'zip-code'],
  ['phone', 'phone'], ['telecom', 'phone'], ['email', 'email'], ['identifier', 'mrn'],
]);
const FHIR_PATIENT_SEARCH_KINDS = [...new Set(FHIR_PATIENT_SEARCH_PARAMETERS.values())].filter((kind) => kind !== 'death-date').sort();
/** node-fhir-server-core service exports that serve a search interaction: their first argument is the parsed query. */
const FHIR_SEARCH_INTERACTIONS = new Set(['search', 'history']);
/** Placeholders for "any resource type" in a generic FHIR route (`/:base_version/:resource`, `/${Resource.fhirName}`). */
const RESOURCE_TYPE_PLACEHOLDERS = new Set(['resource', 'resourcetype', 'resource_type', 'fhirname', 'resourcename']);

/** The static text of a path argument (`'/x'`, `` `/${base}/Patient` `` with `${}` as `:expr`), and the template's expressions. */
function pathText(node: Node | undefined): { text: string; expressions: Node[] } | undefined {
  if (!node) return undefined;
  if (isStringLiteral(node)) return { text: node.value, expressions: [] };
  if (node.type === 'TemplateLiteral') {
    let text = '';
    node.quasis.forEach((quasi, i) => {
      text += quasi.value.cooked ?? quasi.value.raw;
      if (node.expressions[i]) text += '${}';
    });
    return { text, expressions: node.expressions };
  }
  return undefined;
}

/** What a query parameter name carries: `patientNameOrId` is a patient's name or id, so a name. */
function kindsOfParameter(name: string, deps: GetRouteDeps): string[] {
  const kinds = new Set(deps.classifyName(name));
  const words = splitWords(name);
  const or = words.indexOf('or');
  if (or > 0 && or < words.length - 1) {
    const left = words.slice(0, or);
    const right = [...left.slice(0, -1), ...words.slice(or + 1)];
    for (const side of [left, right]) for (const kind of deps.classifyName(side.join('_'))) kinds.add(kind);
  }
  return [...kinds];
}

/** One pass over the file: parents, functions by name, nodes in document order. */
class FileModel {
  readonly parents = new Map<Node, Node>();
  readonly order: Node[] = [];
  readonly indexOf = new Map<Node, number>();
  readonly functionsByName = new Map<string, FunctionNode>();

  constructor(program: TSESTree.Program) {
    // Two stacks in step (a node, its parent) rather than an object per node.
    const stack: Node[] = [program];
    const parentStack: Array<Node | undefined> = [undefined];
    while (stack.length) {
      const node = stack.pop()!;
      const parent = parentStack.pop();
      if (parent) this.parents.set(node, parent);
      this.indexOf.set(node, this.order.length);
      this.order.push(node);
      if (node.type === 'FunctionDeclaration' && node.id) this.functionsByName.set(node.id.name, node);
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && isFunction(unwrap(node.init))) {
        this.functionsByName.set(node.id.name, unwrap(node.init) as FunctionNode);
      }
      const children = childNodes(node);
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push(children[i]);
        parentStack.push(node);
      }
    }
  }

  parent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** Nodes inside `root`, in document order. */
  *within(root: Node): Generator<Node> {
    const start = this.indexOf.get(root) ?? this.order.length;
    for (let i = start + 1; i < this.order.length; i++) {
      const node = this.order[i];
      if (node.range[0] >= root.range[1]) return;
      yield node;
    }
  }

  isInside(node: Node, root: Node): boolean {
    for (let current = this.parent(node); current; current = this.parent(current)) if (current === root) return true;
    return false;
  }
}

/** Keys of a route object that hold its handler's options (hapi `options`, older hapi `config`). */
const ROUTE_OPTION_KEYS = new Set(['options', 'config']);

/** `'GET'`, `['GET', 'POST']`, `'*'`, `'get' as RouteDefMethods`: whether a route object's method serves GET. */
function servesGet(value: Node): boolean {
  const node = unwrap(value);
  const serves = (text: string) => ['get', '*'].includes(text.toLowerCase());
  if (isStringLiteral(node)) return serves(node.value);
  return node.type === 'ArrayExpression' && node.elements.some((element) => !!element && element.type !== 'SpreadElement' && isStringLiteral(unwrap(element)) && serves((unwrap(element) as TSESTree.StringLiteral).value));
}

function propertyOf(object: TSESTree.ObjectExpression, key: string): Node | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && !property.computed && keyName(property.key) === key) return property.value as Node;
  }
  return undefined;
}

/**
 * The route object a handler is declared in, hapi- and Fastify-style: `{ method: 'GET', path: '/Task',
 * handler }`, `{ method: ['GET', 'POST'], path, options: { handler } }` — in `server.route(…)`, an array
 * of routes or a module's exported route list. Undefined when the function is not a route object's handler.
 */
export function routeObjectOf(fn: Node, parentOf: (node: Node) => Node | undefined): { method: 'get' | 'other'; path?: Node } | undefined {
  let holder = parentOf(fn);
  // `handler: wrap(async (request, h) => …)`
  if (holder?.type === 'CallExpression' && handlerOf(holder) === fn) holder = parentOf(holder);
  while (holder && holder !== fn && ['TSAsExpression', 'TSSatisfiesExpression'].includes(holder.type)) holder = parentOf(holder);
  if (holder?.type !== 'Property' || holder.computed || keyName(holder.key) !== 'handler') return undefined;
  let route = parentOf(holder);
  if (route?.type !== 'ObjectExpression') return undefined;
  if (!propertyOf(route, 'method')) {
    const options = parentOf(route);
    const outer = options?.type === 'Property' && !options.computed && ROUTE_OPTION_KEYS.has(keyName(options.key) ?? '') ? parentOf(options) : undefined;
    if (outer?.type !== 'ObjectExpression') return undefined;
    route = outer;
  }
  const method = propertyOf(route, 'method');
  if (!method) return undefined;
  return { method: servesGet(method) ? 'get' : 'other', path: propertyOf(route, 'path') };
}

/** `handler`, `asyncHandler(handler)`, `wrap(auth, handler)`: the function a route argument runs. */
function handlerOf(argument: Node): FunctionNode | undefined {
  const node = unwrap(argument);
  if (isFunction(node)) return node;
  if (node.type === 'CallExpression') {
    const inner = [...node.arguments].reverse().find((candidate) => isFunction(unwrap(candidate)));
    return inner ? (unwrap(inner) as FunctionNode) : undefined;
  }
  return undefined;
}

/**
 * `router.get('/recetas', auth, asyncHandler(get))`, `router.get('/x', list)`: a handler named at its registration and
 * declared in this file is that route's handler (so its method is known). Only when the last argument names it.
 */
function namedHandlerOf(argument: Node, model: FileModel): FunctionNode | undefined {
  let node = unwrap(argument);
  if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0].type === 'Identifier') node = node.arguments[0];
  return node.type === 'Identifier' ? model.functionsByName.get(node.name) : undefined;
}

function requestNameOf(fn: FunctionNode): string | undefined {
  const first = fn.params[0];
  return first?.type === 'Identifier' && REQUEST_NAMES.has(first.name) ? first.name : undefined;
}

/** `(req, res)`, `(req, res, next)`, `(ctx)`, `(ctx, next)`: a handler whose route may be registered in another module. */
function isHandlerShaped(fn: FunctionNode): boolean {
  const request = requestNameOf(fn);
  if (!request) return false;
  const second = fn.params[1];
  if (request === 'ctx') return !second || (second.type === 'Identifier' && second.name === 'next');
  return second?.type === 'Identifier' && RESPONSE_NAMES.has(second.name);
}

/**
 * A registration is a statement (`router.get('/x', handler);`) or handed to `app.use(route.get(…))`; a client's
 * `api.get('/Patient', config)` is awaited, assigned or returned for its response.
 */
function isRegistrationStatement(call: Node, model: FileModel): boolean {
  const parent = model.parent(call);
  if (parent?.type === 'ExpressionStatement') return true;
  if (parent?.type === 'CallExpression' && parent.arguments.includes(call as TSESTree.CallExpressionArgument)) {
    return parent.callee.type === 'MemberExpression' && propertyName(parent.callee) === 'use';
  }
  // `router.get('/a', a).get('/b', b)` chains
  return parent?.type === 'MemberExpression' && parent.object === call;
}

/** `router.get('/path', …)` and the like: the method, path node and handler functions of a route registration. */
function routeRegistration(node: TSESTree.CallExpression, model: FileModel): { method: string; path: Node; handlers: FunctionNode[]; arguments: Node[] } | undefined {
  if (!isRegistrationStatement(node, model)) return undefined;
  const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee);
  if (!method || !ROUTE_METHODS.has(method) || node.arguments.length < 2) return undefined;
  const path = node.arguments[0];
  const text = pathText(path)?.text;
  if (text === undefined || !text.startsWith('/')) return undefined;
  const handlers = node.arguments.slice(1).map((argument) => handlerOf(argument)).filter((fn): fn is FunctionNode => !!fn);
  const last = node.arguments[node.arguments.length - 1];
  const named = handlers.length || !last ? undefined : namedHandlerOf(last, model);
  if (named) handlers.push(named);
  return { method, path, handlers, arguments: node.arguments.slice(1) };
}

class QueryReads {
  readonly reads: QueryParameterRead[] = [];
  /** Whether a read went through a helper (the evidence is indirect). */
  indirect = false;

  constructor(private readonly model: FileModel, private readonly kindsOf: (name: string) => readonly string[], private readonly importedKeys?: (callee: Node) => readonly string[]) {}

  /** `Patients.find(query)`: a search of another workspace module taking the query first reads the keys its summary lists. */
  importedHelper(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
    if (index !== 0 || call.type !== 'CallExpression' || !this.importedKeys) return false;
    if (calleeOwnerNamesStaff(call.callee)) return true;
    const keys = this.importedKeys(call.callee);
    for (const key of keys) this.add(call.arguments[0], key, true, true);
    return keys.length > 0;
  }

  /**
   * Set while following a whole query into a search (handed whole, a query builder's keys, an imported search's
   * summary): a key naming only a record (`patient`, `hrRecord`) is matched as a reference to it, and an account
   * number not named for a patient is a ledger's; neither is a person's identifier.
   */
  searchKeys = false;

  add(node: Node, name: string, indirect: boolean, searchKey = this.searchKeys) {
    let kinds = this.kindsOf(name);
    if (searchKey) kinds = kinds.filter((kind) => kind !== 'patient-record' && (kind !== 'account-number' || subjectOfName(name) === 'patient'));
    if (!kinds.length) return;
    this.reads.push({ node, name, kinds });
    if (indirect) this.indirect = true;
  }

  /** The keys a destructuring pattern reads; its rest element is the query object again. */
  pattern(pattern: TSESTree.ObjectPattern, aliases: Set<string>, indirect: boolean) {
    for (const property of pattern.properties) {
      if (property.type === 'RestElement') {
        if (property.argument.type === 'Identifier') aliases.add(property.argument.name);
        continue;
      }
      const key = property.computed ? undefined : keyName(property.key);
      if (key) this.add(property.key, key, indirect);
    }
  }

  /**
   * Follows the query object through the names it is bound to inside `scope` (`aliases`), recording the
   * parameters read from it. `indirect` when `scope` is a helper the query was handed to.
   */
  follow(scope: Node, aliases: Set<string>, indirect: boolean, depth: number) {
    const factories = new Set<string>();
    for (const node of this.model.within(scope)) {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && factories.has(node.callee.name)) {
        // `const textFilter = makeTextFilter(query); textFilter('firstName', …)`: the helper reads that parameter.
        const first = node.arguments[0];
        if (isStringLiteral(first)) this.add(first, first.value, true);
        continue;
      }
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.object.type === 'Identifier' && factories.has(node.callee.object.name)) {
        // `const filters = new FilterParser(query); filters.equals('hospital_no'); filters.dateFrom('dobFrom', 'dob')`: a
        // query builder over the query object maps the key named first to a condition, so it reads that parameter.
        const first = node.arguments[0];
        if (isStringLiteral(first) && PARAMETER_NAME.test(first.value)) this.add(first, first.value, true, true);
        continue;
      }
      if (node.type !== 'Identifier' || !aliases.has(node.name)) continue;
      // `query as TaskQuery`, `query!`: the same object under a type.
      let site: Node = node;
      let parent = this.model.parent(node);
      while (parent && TYPE_WRAPPERS.has(parent.type)) {
        site = parent;
        parent = this.model.parent(parent);
      }
      if (!parent) continue;
      if (parent.type === 'MemberExpression' && parent.object === site) this.memberRead(parent, aliases, indirect);
      else if (parent.type === 'VariableDeclarator' && parent.init && unwrap(parent.init) === node) {
        if (parent.id.type === 'ObjectPattern') this.pattern(parent.id, aliases, indirect);
        else if (parent.id.type === 'Identifier') aliases.add(parent.id.name);
      } else if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(site as TSESTree.CallExpressionArgument)) {
        this.helperCall(parent, parent.arguments.indexOf(site as TSESTree.CallExpressionArgument), factories, depth);
      }
    }
  }

  /** `query.firstName`, `query['dob']`, and `query[key]` for each `key` of a list of parameter names. */
  memberRead(member: TSESTree.MemberExpression, aliases: Set<string>, indirect: boolean) {
    if (!member.computed) {
      const name = propertyName(member);
      if (name) this.add(member, name, indirect);
      return;
    }
    if (isStringLiteral(member.property)) {
      this.add(member, member.property.value, indirect);
      return;
    }
    if (member.property.type !== 'Identifier') return;
    const keyName = member.property.name;
    // The key is a callback's element parameter: `['displayId', 'lastName'].filter(key => query[key])`.
    for (let current = this.model.parent(member); current; current = this.model.parent(current)) {
      if (!isFunction(current)) continue;
      const elementIndex = current.params.findIndex((param) => param.type === 'Identifier' && param.name === keyName);
      if (elementIndex < 0) continue;
      const call = this.model.parent(current);
      if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return;
      const method = propertyName(call.callee);
      const list = unwrap(call.callee.object);
      const expected = method === 'reduce' ? 1 : 0;
      if (!method || !ELEMENT_CALLBACK_METHODS.has(method) || elementIndex !== expected || list.type !== 'ArrayExpression') return;
      for (const element of list.elements) if (isStringLiteral(element)) this.add(element, element.value, indirect);
      return;
    }
    void aliases;
  }

  /**
   * The query object handed to a function: a helper of this file is followed into (its parameter is the
   * query there); any other helper reads the parameter names written beside it
   * (`mapQueryFilters(query, [{ key: 'firstName' }])`), and a function it returns reads the names it is
   * called with (`makeFilter(query)('lastName')`).
   */
  helperCall(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, factories: Set<string>, depth: number, literalsBeside = true) {
    const local = call.type === 'CallExpression' && call.callee.type === 'Identifier' ? this.model.functionsByName.get(call.callee.name) : undefined;
    if (local && !this.model.isInside(call, local)) {
      if (depth >= HELPER_DEPTH) return;
      const param = local.params[index];
      if (param?.type === 'Identifier') this.follow(local.body, new Set([param.name]), true, depth + 1);
      else if (param?.type === 'ObjectPattern') this.pattern(param, new Set(), true);
      return;
    }
    if (this.importedHelper(call, index) || !literalsBeside) return;
    // `getReportParams('hiv-summary-report', ['startDate', 'gender'], query)`: beside a list of parameter names, a lone
    // string names something else the helper is told (the report, a table, an audit label), not a key it reads.
    const listsNames = call.arguments.some((argument, i) => i !== index && ['ArrayExpression', 'ObjectExpression'].includes(unwrap(argument).type));
    call.arguments.forEach((argument, i) => {
      if (i !== index && !(listsNames && isStringLiteral(unwrap(argument)))) this.parameterNames(argument, 0);
    });
    const parent = this.model.parent(call);
    if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier') factories.add(parent.id.name);
  }

  /** Parameter names written as literals: `'firstName'`, `['dob']`, `[{ key: 'lastName', … }]`. */
  parameterNames(node: Node, level: number) {
    if (level > 2) return;
    const value = unwrap(node);
    if (isStringLiteral(value)) {
      // A parameter name, not a sentence or a path handed along (`audit('lookup by name', query)`).
      if (PARAMETER_NAME.test(value.value)) this.add(value, value.value, true);
    } else if (value.type === 'ArrayExpression') {
      for (const element of value.elements) if (element && element.type !== 'SpreadElement') this.parameterNames(element, level + 1);
    } else if (value.type === 'ObjectExpression') {
      for (const property of value.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = keyName(property.key);
        if (key && PARAMETER_KEY_PROPERTIES.has(key) && isStringLiteral(property.value) && PARAMETER_NAME.test(property.value.value)) this.add(property.value, property.value.value, true);
      }
    }
  }

  kinds(): string[] {
    return [...new Set(this.reads.flatMap((read) => read.kinds))].sort();
  }
}

/** The route handlers of the file with what is known of their method. */
/** What a registration says about its route: the path and the router's name (`usersRouter.get('/', …)`). */
function routeContext(call: TSESTree.CallExpression, path: Node): string {
  const callee = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  const receiver = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? callee.object.name : '';
  return `${pathText(path)?.text ?? ''} ${receiver}`;
}

type HandlerMethod = 'get' | 'other' | 'unregistered';

function handlersOf(model: FileModel): Map<FunctionNode, { method: HandlerMethod; path?: string }> {
  const handlers = new Map<FunctionNode, { method: HandlerMethod; path?: string }>();
  for (const node of model.order) {
    if (node.type !== 'CallExpression') continue;
    const route = routeRegistration(node, model);
    if (!route) continue;
    const path = routeContext(node, route.path);
    for (const handler of route.handlers) if (requestNameOf(handler)) handlers.set(handler, { method: route.method === 'get' ? 'get' : 'other', path });
  }
  for (const node of model.order) {
    if (!isFunction(node) || !requestNameOf(node)) continue;
    const route = routeObjectOf(node, (child) => model.parent(child));
    if (route) handlers.set(node, { method: route.method, path: route.path ? pathText(route.path)?.text : undefined });
  }
  for (const node of model.order) {
    if (!isFunction(node) || handlers.has(node) || !isHandlerShaped(node)) continue;
    // A function inside another handler is part of it, not a handler of its own.
    let nested = false;
    for (let current = model.parent(node); current && !nested; current = model.parent(current)) nested = isFunction(current) && handlers.has(current);
    if (!nested) handlers.set(node, { method: 'unregistered' });
  }
  return handlers;
}

/**
 * The query object of a handler taken whole: `const { query } = req`, `const { query: q } = req`,
 * `const q = req.query`, `const { a, ...filters } = req.query`, and the parameters read straight from a
 * nested pattern (`const { query: { firstName } } = req`). Plain `req.query.x` reads and
 * `const { x } = req.query` are the rule's own direct reads and are left to it.
 */
/**
 * Whose data a route serves by its path and the names around its handler: a sign-in, account or staff
 * route reads the app user's own e-mail or phone, not a patient's.
 */
function isStaffSide(model: FileModel, deps: GetRouteDeps, node: Node, route: string | undefined): boolean {
  const fileName = deps.file.split('/').pop()!.replace(/\..*$/, '');
  const words = `${route ?? ''} ${fileName}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  for (let current = model.parent(node); current; current = model.parent(current)) {
    if (current.type === 'FunctionDeclaration' && current.id) words.push(current.id.name);
    else if (current.type === 'VariableDeclarator' && current.id.type === 'Identifier') words.push(current.id.name);
    else if ((current.type === 'MethodDefinition' || current.type === 'Property') && !current.computed) {
      const key = keyName(current.key);
      if (key) words.push(key);
    }
  }
  if (words.some((word) => subjectOfName(word) === 'patient')) return false;
  const staffPersonWords = deps.appUsersArePatients ? PATIENT_APP_STAFF_PERSON_WORDS : STAFF_PERSON_WORDS;
  return words.some((word) => (!deps.appUsersArePatients && isAccountContextName(word)) || (subjectOfName(word) === 'workforce' && splitWords(word).some((part) => staffPersonWords.has(part))));
}

function withoutStaffContacts(kinds: string[], staffSide: boolean): string[] {
  return staffSide ? kinds.filter((kind) => !CONTACT_KINDS.includes(kind)) : kinds;
}

function analyseHandler(model: FileModel, deps: GetRouteDeps, handler: FunctionNode, method: 'get' | 'unregistered', path: string | undefined): GetRouteFinding | undefined {
  const request = requestNameOf(handler)!;
  const reads = new QueryReads(model, (name) => kindsOfParameter(name, deps), deps.queryKeysReadBy ? (callee) => deps.queryKeysReadBy!(callee) : undefined);
  const aliases = new Set<string>();
  let source: Node | undefined;
  for (const node of model.within(handler.body)) {
    if (node.type !== 'VariableDeclarator' || !node.init) continue;
    const init = unwrap(node.init);
    if (init.type === 'Identifier' && init.name === request && node.id.type === 'ObjectPattern') {
      for (const property of node.id.properties) {
        if (property.type !== 'Property' || property.computed || keyName(property.key) !== 'query') continue;
        source ??= property.key;
        if (property.value.type === 'Identifier') aliases.add(property.value.name);
        else if (property.value.type === 'ObjectPattern') reads.pattern(property.value, aliases, false);
      }
    } else if (isQueryOf(init, request)) {
      if (node.id.type === 'Identifier') {
        aliases.add(node.id.name);
        source ??= init;
      } else if (node.id.type === 'ObjectPattern') {
        const rest = node.id.properties.find((property) => property.type === 'RestElement');
        if (rest?.type === 'RestElement' && rest.argument.type === 'Identifier') {
          aliases.add(rest.argument.name);
          source ??= init;
        }
      }
    }
  }
  for (const node of model.within(handler.body)) {
    if (!isQueryOf(node, request)) continue;
    const parent = model.parent(node);
    if (parent?.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      const copy = copyBinding(parent, model);
      if (copy && searchesStaff(undefined, deps)) continue;
      if (copy) {
        // `const options = _.clone(req.query)`, `Object.assign({}, req.query)`: the query again under a name.
        aliases.add(copy);
        source ??= node;
      } else if (handsToLocalHelper(parent, model) || parent.arguments[0] === node) {
        // `find(req.query)` where `find` is a function of this file: what it reads from its parameter comes from the URL.
        if (searchesStaff(parent.callee, deps)) continue;
        const before = reads.reads.length;
        reads.searchKeys = true;
        reads.helperCall(parent, parent.arguments.indexOf(node as TSESTree.CallExpressionArgument), new Set(), 0, false);
        reads.searchKeys = false;
        if (reads.reads.length > before) source ??= node;
      }
    } else if (parent?.type === 'SpreadElement') {
      // `const conditions = { ...req.query }`
      const object = model.parent(parent);
      const declarator = object?.type === 'ObjectExpression' ? model.parent(object) : undefined;
      if (declarator?.type === 'VariableDeclarator' && declarator.init === object && declarator.id.type === 'Identifier') {
        aliases.add(declarator.id.name);
        source ??= node;
      }
    }
  }
  // `buscarRecetas(req)`: the request handed whole to a controller of another module that reads its query
  // (`req.query.documento`, `const { documento } = req.query`): what that controller reads is in this route's URL.
  if (deps.requestQueryKeysReadBy) {
    for (const node of model.within(handler.body)) {
      if (node.type !== 'CallExpression' || node.arguments[0]?.type !== 'Identifier' || node.arguments[0].name !== request) continue;
      // `buscarProfesional(req)`, `Employees.find(req)`: a search of the workforce reads staff's own identity
      if (searchesStaff(node.callee, deps) || namesStaff(lastSegment(node.callee) ?? '')) continue;
      const before = reads.reads.length;
      for (const key of deps.requestQueryKeysReadBy(node.callee)) reads.add(node.arguments[0], key, true, true);
      if (reads.reads.length > before) source ??= node.arguments[0];
    }
  }
  if (!source) return undefined;
  reads.follow(handler.body, aliases, false, 0);
  const kinds = withoutStaffContacts(reads.kinds(), isStaffSide(model, deps, handler, path));
  if (!kinds.length) return undefined;
  const names = [...new Set(reads.reads.map((read) => read.name))];
  return {
    kind: 'handlerQuery',
    node: source,
    kinds,
    reads: reads.reads,
    precision: method === 'get' && !reads.indirect ? 'high' : 'medium',
    label: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : ''),
  };
}

/** `req.query`, `ctx.query`, `ctx.request.query`. */
/** Calls that return a copy of the object handed to them: lodash `_.clone(query)`, `Object.assign({}, query)`, `structuredClone(query)`. */
const COPY_CALLS = new Set(['clone', 'cloneDeep', 'assign', 'extend', 'merge', 'structuredClone']);

/** The variable a copy of the call's argument is bound to: `const options = _.clone(req.query)`. */
function copyBinding(call: TSESTree.CallExpression, model: FileModel): string | undefined {
  const name = lastSegment(call.callee);
  if (!name || !COPY_CALLS.has(name)) return undefined;
  const parent = model.parent(call);
  return parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier' ? parent.id.name : undefined;
}

/**
 * Whether a search the whole query is handed to is over staff records: its module (`Employees.find`) or the folder of
 * the handler's file (`payroll/employees/index.js`) names staff people. Their names and birth dates are workforce data.
 */
function searchesStaff(callee: Node | undefined, deps: GetRouteDeps): boolean {
  const folder = deps.file.split('/').slice(-2, -1);
  return folder.some(namesStaff) || (!!callee && calleeOwnerNamesStaff(callee));
}

function namesStaff(name: string): boolean {
  return splitWords(name).some((word) => word !== 'user' && word !== 'users' && STAFF_PERSON_WORDS.has(word));
}

/** `Employees.find`: a search of a module named for staff people. */
function calleeOwnerNamesStaff(callee: Node): boolean {
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && namesStaff(callee.object.name);
}

/** `find(req.query)` where `find` is declared in this file (and is not the handler itself). */
function handsToLocalHelper(call: TSESTree.CallExpression, model: FileModel): boolean {
  if (call.callee.type !== 'Identifier') return false;
  const local = model.functionsByName.get(call.callee.name);
  return !!local && !model.isInside(call, local);
}

function isQueryOf(node: Node, request: string): boolean {
  if (node.type !== 'MemberExpression' || node.computed || propertyName(node) !== 'query') return false;
  let root = node.object;
  if (root.type === 'MemberExpression' && !root.computed && propertyName(root) === 'request') root = root.object;
  return root.type === 'Identifier' && root.name === request;
}

/** `/Patient`, `/fhir/${version}/Patient`: a FHIR type-level search of Patient (no id after it). */
function isFhirPatientSearchPath(text: string): boolean {
  const segments = text.replace(/\/+$/, '').split('/');
  return segments[segments.length - 1] === 'Patient';
}

/** `/:base_version/:resource`, `/${Resource.fhirName}`: a search route for any resource type, Patient included. */
function isGenericResourcePath(path: { text: string; expressions: Node[] }, deps: GetRouteDeps): boolean {
  const segments = path.text.replace(/\/+$/, '').split('/');
  // `/:resource?/:id?`: optional trailing parameters (Express's `?`) mean the route also serves the path without them,
  // `/:resource` (the type-level search) included.
  while (segments.length > 1 && /^:[A-Za-z_]\w*\?$/.test(segments[segments.length - 1]) && !RESOURCE_TYPE_PLACEHOLDERS.has(segments[segments.length - 1].slice(1, -1).toLowerCase())) segments.pop();
  const last = segments[segments.length - 1].replace(/^(:[A-Za-z_]\w*)\?$/, '$1');
  let placeholder: string | undefined;
  if (last.startsWith(':')) placeholder = last.slice(1);
  else if (last === '${}' && path.expressions.length) {
    const expression = unwrap(path.expressions[path.expressions.length - 1]);
    placeholder = expression.type === 'Identifier' ? expression.name : expression.type === 'MemberExpression' ? propertyName(expression) : undefined;
  }
  if (!placeholder || !RESOURCE_TYPE_PLACEHOLDERS.has(placeholder.toLowerCase())) return false;
  // A generic REST router (`/api/:resource`) is not FHIR: FHIR says so in the file's path, the route's own
  // path (`/fhir/:resourceType`) or the placeholder.
  return /fhir/i.test(deps.file) || segments.some((segment) => /^fhir$/i.test(segment)) || placeholder.toLowerCase() === 'fhirname';
}

function fhirRouteFinding(pathNode: Node, path: { text: string; expressions: Node[] }, deps: GetRouteDeps, typeFromParameters = false): GetRouteFinding | undefined {
  const generic = isGenericResourcePath(path, deps) || typeFromParameters;
  if (!generic && !isFhirPatientSearchPath(path.text)) return undefined;
  return { kind: 'fhirSearchRoute', node: pathNode, kinds: FHIR_PATIENT_SEARCH_KINDS, reads: [], precision: 'medium', label: generic ? 'any resource type, Patient included' : 'Patient' };
}

/**
 * An inline handler that reads its query only by name, and no name a Patient search uses (`parseInt(req.query._count)`):
 * it serves no search by demographics whatever resource type its path takes. A query handed on whole (`search(req.query)`,
 * `{ ...req.query }`, `req.query[key]`) or the raw URL (`req.url`) may carry any search parameter.
 */
function readsOnlyNamedNonPersonParameters(model: FileModel, handler: FunctionNode): boolean {
  const request = requestNameOf(handler);
  if (!request) return false;
  let reads = 0;
  for (const node of model.within(handler.body)) {
    // (the walk in document order also passes the handler's own parameters)
    if (node.type !== 'Identifier' || node.name !== request || node.range[0] < handler.body.range[0]) continue;
    // the request handed on whole (`controller.search(req, res)`) may have its query read anywhere
    const member = model.parent(node);
    if (member?.type !== 'MemberExpression' || member.object !== node || member.computed) return false;
    const property = propertyName(member);
    if (property && /^(url|originalUrl|href|search|querystring|path|request)$/.test(property)) return false;
    if (property !== 'query') continue;
    const read = model.parent(member);
    if (read?.type !== 'MemberExpression' || read.object !== member) return false;
    const name = read.computed ? (isStringLiteral(read.property) ? read.property.value : undefined) : propertyName(read);
    if (name === undefined || FHIR_PATIENT_SEARCH_PARAMETERS.has(name.replace(/:.*$/, '')) || /^_(text|content|filter|query)$/.test(name)) return false;
    reads++;
  }
  return reads > 0;
}

/**
 * `const { resourceType } = req.params; … handleSearch(res, resourceType, req.query)`: a handler that takes the resource
 * type from its path parameters (a router mounted at `/:resourceType`) and hands its whole query to a search serves the
 * type-level search of every resource type, Patient included. FHIR says so in the file's path or its imports.
 */
function readsResourceTypeAndWholeQuery(model: FileModel, handler: FunctionNode, deps: GetRouteDeps): boolean {
  const request = requestNameOf(handler);
  if (!request || !(/fhir/i.test(deps.file) || deps.importsModule(/fhir/i))) return false;
  let resourceType = false;
  let wholeQuery = false;
  for (const node of model.within(handler.body)) {
    if (node.type !== 'MemberExpression' || node.computed || node.object.type !== 'Identifier' || node.object.name !== request) continue;
    const property = propertyName(node);
    const parent = model.parent(node);
    if (property === 'params') {
      if (parent?.type === 'MemberExpression' && parent.object === node && RESOURCE_TYPE_PLACEHOLDERS.has((propertyName(parent) ?? '').toLowerCase())) resourceType = true;
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern' && parent.id.properties.some((p) => p.type === 'Property' && !p.computed && RESOURCE_TYPE_PLACEHOLDERS.has((keyName(p.key) ?? '').toLowerCase()))) resourceType = true;
    } else if (property === 'query') {
      // handed on or bound whole, not read by name (`req.query._count`)
      if (!(parent?.type === 'MemberExpression' && parent.object === node)) wholeQuery = true;
    }
  }
  return resourceType && wholeQuery;
}

/** Words after which a handler's name says what it looks a record up by: `handle_patient_by_nhs_number`, `findByEmail`. */
const LOOKUP_BY_WORDS = new Set(['by']);

/**
 * `app.get('/api/patient*', handlers.handlePatientByNhsNumber)`: a GET route whose handler (registered by name, defined
 * in another module) is named for a lookup by a PHI field, on a path with no parameter that carries it: the handler
 * takes the value from the query string. Medium precision: the handler's body is not in sight.
 */
function namedLookupFinding(call: TSESTree.CallExpression, path: { text: string }, handlerArguments: Node[], deps: GetRouteDeps, staffSide: boolean): GetRouteFinding | undefined {
  const pathParameters = [...path.text.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].flatMap((match) => kindsOfParameter(match[1], deps));
  for (const argument of handlerArguments) {
    const node = unwrap(argument);
    if (node.type !== 'Identifier' && node.type !== 'MemberExpression') continue;
    const name = lastSegment(node);
    if (!name) continue;
    const words = splitWords(name);
    const by = words.findIndex((word) => LOOKUP_BY_WORDS.has(word));
    if (by < 1 || by === words.length - 1) continue;
    const field = words.slice(by + 1).join('_');
    const kinds = withoutStaffContacts(kindsOfParameter(field, deps).filter((kind) => kind !== 'patient-record' && kind !== 'encounter' && !pathParameters.includes(kind)), staffSide);
    if (!kinds.length) continue;
    return { kind: 'handlerQuery', node: call.arguments[0], kinds: kinds.sort(), reads: [], precision: 'medium', label: dottedName(node) ?? name };
  }
  return undefined;
}

/** Search handlers by their callee's name: `controller.search`, `searchPatients`. */
const SEARCH_CALL_WORDS = new Set(['search']);

/**
 * `router.get('/patients', (req, res) => controller.search(req.db, req.query))`: a GET route of a patient collection
 * whose handler hands its whole query to a search. What the search takes (a name, an identifier, a birth date) is
 * decided in another module, but it comes from the query string. Medium precision, the least it can carry: a name.
 */
function patientSearchRouteFinding(model: FileModel, path: { text: string }, handlers: FunctionNode[], pathNode: Node): GetRouteFinding | undefined {
  const last = path.text.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!/^[A-Za-z]+$/.test(last) || subjectOfName(last) !== 'patient' || splitWords(last).length !== 1) return undefined;
  for (const handler of handlers) {
    const request = requestNameOf(handler);
    if (!request) continue;
    for (const node of model.within(handler.body)) {
      if (node.type !== 'MemberExpression' || node.computed || propertyName(node) !== 'query' || node.object.type !== 'Identifier' || node.object.name !== request) continue;
      const call = model.parent(node);
      if (call?.type !== 'CallExpression' || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) continue;
      const callee = lastSegment(call.callee);
      if (callee && splitWords(callee).some((word) => SEARCH_CALL_WORDS.has(word))) {
        return { kind: 'handlerQuery', node: pathNode, kinds: ['name'], reads: [], precision: 'medium', label: `${dottedName(call.callee) ?? callee}(…${request}.query)` };
      }
    }
  }
  return undefined;
}

/** Route tables: `{ type: 'get', path: '/:base_version/:resource', … }`. */
function routeTableEntry(node: TSESTree.ObjectExpression): { method: string; path: Node } | undefined {
  let method: string | undefined;
  let path: Node | undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = keyName(property.key);
    const value = unwrap(property.value as Node);
    if ((key === 'type' || key === 'method') && isStringLiteral(value)) method = value.value.toLowerCase();
    else if (key === 'path') path = property.value;
  }
  return method && path && pathText(path)?.text.startsWith('/') ? { method, path } : undefined;
}

/** `/patients/by-ssn/:ssn`: a GET path parameter named for PHI puts the value in every request line. */
function pathParameterFinding(pathNode: Node, path: { text: string }, deps: GetRouteDeps, staffSide: boolean): GetRouteFinding | undefined {
  const names = [...path.text.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
  const kinds = withoutStaffContacts([...new Set(names.flatMap((name) => kindsOfParameter(name, deps)))].sort(), staffSide);
  if (!kinds.length) return undefined;
  return { kind: 'pathParameter', node: pathNode, kinds, reads: [], precision: 'high', label: names.filter((name) => kindsOfParameter(name, deps).length).join(', ') };
}

/** The exported functions of a node-fhir-server-core service module, by export name. */
function serviceExports(model: FileModel): Array<{ name: string; fn: FunctionNode }> {
  const found: Array<{ name: string; fn: FunctionNode }> = [];
  const resolve = (value: Node): FunctionNode | undefined => {
    const node = unwrap(value);
    if (isFunction(node)) return node;
    return node.type === 'Identifier' ? model.functionsByName.get(node.name) : undefined;
  };
  for (const node of model.order) {
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression') {
      const target = node.left;
      const owner = target.object.type === 'MemberExpression' ? propertyName(target.object) : target.object.type === 'Identifier' ? target.object.name : undefined;
      const name = propertyName(target);
      if (owner === 'exports' && name) {
        const fn = resolve(node.right);
        if (fn) found.push({ name, fn });
      } else if (name === 'exports' && target.object.type === 'Identifier' && target.object.name === 'module' && node.right.type === 'ObjectExpression') {
        for (const property of node.right.properties) {
          if (property.type !== 'Property' || property.computed) continue;
          const key = keyName(property.key);
          const fn = resolve(property.value);
          if (key && fn) found.push({ name: key, fn });
        }
      }
    } else if (node.type === 'ExportNamedDeclaration' && node.declaration) {
      const declaration = node.declaration;
      if (declaration.type === 'FunctionDeclaration' && declaration.id) found.push({ name: declaration.id.name, fn: declaration });
      else if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          const fn = declarator.init ? resolve(declarator.init) : undefined;
          if (fn && declarator.id.type === 'Identifier') found.push({ name: declarator.id.name, fn });
        }
      }
    }
  }
  return found;
}

/**
 * node-fhir-server-core serves a profile's `search` and `history` exports as GET interactions and hands
 * them the parsed query string first. In a Patient service (the file or its folder is named for Patient),
 * every Patient search parameter it reads — in the export or in a helper of the file — came from a URL.
 * One finding per function that reads them, at its first read.
 */
function fhirServiceFindings(model: FileModel, deps: GetRouteDeps): GetRouteFinding[] {
  if (!deps.importsModule(/(^|\/)node-fhir-server-core$/)) return [];
  const pathWords = deps.file.split('/').flatMap((segment) => splitWords(segment.replace(/\.[a-z]+$/i, '')));
  if (!pathWords.includes('patient')) return [];
  const findings = new Map<Node, GetRouteFinding>();
  for (const { name, fn } of serviceExports(model)) {
    if (!FHIR_SEARCH_INTERACTIONS.has(name)) continue;
    const param = fn.params[0];
    if (param?.type !== 'Identifier') continue;
    const reads = new QueryReads(model, (parameter) => {
      const kind = FHIR_PATIENT_SEARCH_PARAMETERS.get(parameter.toLowerCase());
      return kind ? [kind] : [];
    });
    reads.follow(fn.body, new Set([param.name]), false, 0);
    for (const read of reads.reads) {
      let owner: Node | undefined = model.parent(read.node);
      while (owner && !isFunction(owner)) owner = model.parent(owner);
      if (!owner) continue;
      const existing = findings.get(owner);
      if (existing) {
        if (!existing.reads.some((other) => other.node === read.node)) existing.reads.push(read);
        existing.kinds = [...new Set([...existing.kinds, ...read.kinds])].sort();
      } else {
        findings.set(owner, { kind: 'fhirSearchArguments', node: read.node, kinds: [...read.kinds], reads: [read], precision: 'medium', label: name });
      }
    }
  }
  return [...findings.values()];
}

/** Text without which a file has no request handler, route registration or FHIR service (most files: skip the model). */
const MAY_SERVE_ROUTES = /\b(req|request|ctx)\b|node-fhir-server-core|\.get\(\s*['"`]\/|\b(type|method)\s*:\s*['"`]get['"`]|queryStringParameters|pathParameters/i;

/** The parts of an API Gateway event that are the request URL: its query string and its path parameters. */
const LAMBDA_URL_PARTS = new Set(['queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters']);

/**
 * Lambda handlers behind API Gateway that read PHI from their event's query string or path parameters
 * (`event.queryStringParameters?.nhsNumber`, `const { dateOfBirth } = event.queryStringParameters ?? {}`): whatever
 * the method, those are the request URL, so clients must put the PHI in it and API Gateway, CloudFront and access
 * logs keep it. One finding per handler, at its first PHI read.
 */
function lambdaEventQueryFindings(model: FileModel, deps: GetRouteDeps): GetRouteFinding[] {
  const findings: GetRouteFinding[] = [];
  const seen = new Set<Node>();
  for (const node of model.order) {
    if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression' && node.type !== 'ArrowFunctionExpression') continue;
    const reads: QueryParameterRead[] = [];
    for (const read of eventReads(node, node.params[0])) {
      if (!LAMBDA_URL_PARTS.has(read.path[0]) || seen.has(read.node)) continue;
      seen.add(read.node);
      const kinds = kindsOfParameter(read.field, deps);
      if (kinds.length) reads.push({ node: read.node, name: read.field, kinds });
    }
    if (!reads.length) continue;
    const kinds = withoutStaffContacts([...new Set(reads.flatMap((read) => read.kinds))].sort(), isStaffSide(model, deps, node, undefined));
    if (!kinds.length) continue;
    const names = [...new Set(reads.map((read) => read.name))];
    findings.push({ kind: 'lambdaEventQuery', node: reads[0].node, kinds, reads, precision: 'high', label: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '') });
  }
  return findings;
}

/** Declared types of an incoming request whose `url` is the request line's target: web `Request`, Next.js, Node's `http`. */
const INCOMING_REQUEST_TYPES = new Set(['Request', 'NextRequest', 'IncomingMessage']);
/** `searchParams.get('name')`, `getAll('name')`: the value of one query parameter. */
const SEARCH_PARAMS_READS = new Set(['get', 'getAll']);

/** The names a function's first parameter gives the incoming request and its parsed URL (`req`, `{ request }`, SvelteKit's `{ url }`). */
function incomingRequestNames(fn: FunctionNode): { requests: Set<string>; urls: Set<string> } {
  const requests = new Set<string>();
  const urls = new Set<string>();
  const first = fn.params[0];
  if (first?.type === 'Identifier') {
    const annotation = first.typeAnnotation?.typeAnnotation;
    const typeName = annotation?.type === 'TSTypeReference' ? lastSegment(annotation.typeName as Node) : undefined;
    if (REQUEST_NAMES.has(first.name) || (typeName && INCOMING_REQUEST_TYPES.has(typeName))) requests.add(first.name);
  } else if (first?.type === 'ObjectPattern') {
    for (const property of first.properties) {
      if (property.type !== 'Property' || property.value.type !== 'Identifier') continue;
      const key = keyName(property.key);
      if (key === 'request') requests.add(property.value.name);
      else if (key === 'url') urls.add(property.value.name);
    }
  }
  return { requests, urls };
}

/**
 * Handlers that read PHI from the query string of the request they serve through the URL itself rather than a
 * framework's parsed `req.query`: a Next.js route handler's `request.nextUrl.searchParams.get('dob')`, the web
 * `new URL(request.url).searchParams` (Remix and SvelteKit loaders, workers, Next.js), Node's
 * `url.parse(req.url, true).query.phone`. Whatever the method and wherever the route is registered, those values are
 * in the request URL, so clients must put the PHI there and server, proxy and CDN logs keep it. One finding per
 * handler, at its first PHI read; a forwarded query (`searchParams.toString()`) reads no parameter by name.
 */
function requestUrlQueryFindings(model: FileModel, deps: GetRouteDeps, reported: ReadonlySet<FunctionNode>): GetRouteFinding[] {
  const findings: GetRouteFinding[] = [];
  const seen = new Set<Node>();
  for (const node of model.order) {
    if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression' && node.type !== 'ArrowFunctionExpression') continue;
    if (reported.has(node)) continue;
    const { requests, urls } = incomingRequestNames(node);
    if (!requests.size && !urls.size) continue;
    const searchParams = new Set<string>();
    const queries = new Set<string>();
    const isRequestUrl = (expression: Node | undefined): boolean => {
      const value = expression && unwrap(expression);
      return !!value && value.type === 'MemberExpression' && !value.computed && propertyName(value) === 'url' && value.object.type === 'Identifier' && requests.has(value.object.name);
    };
    const isUrlObject = (expression: Node): boolean => {
      const value = unwrap(expression);
      if (value.type === 'Identifier') return urls.has(value.name);
      if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'URL') return isRequestUrl(value.arguments[0]);
      return value.type === 'MemberExpression' && !value.computed && propertyName(value) === 'nextUrl' && value.object.type === 'Identifier' && requests.has(value.object.name);
    };
    const isSearchParams = (expression: Node): boolean => {
      const value = unwrap(expression);
      if (value.type === 'Identifier') return searchParams.has(value.name);
      return value.type === 'MemberExpression' && !value.computed && propertyName(value) === 'searchParams' && isUrlObject(value.object);
    };
    const isQueryObject = (expression: Node): boolean => {
      const value = unwrap(expression);
      if (value.type === 'Identifier') return queries.has(value.name);
      if (value.type === 'LogicalExpression') return isQueryObject(value.left);
      // `url.parse(req.url, true).query`: Node's legacy parser with the query string parsed
      if (value.type === 'MemberExpression' && !value.computed && propertyName(value) === 'query' && value.object.type === 'CallExpression') {
        const call = value.object;
        const name = call.callee.type === 'MemberExpression' ? propertyName(call.callee) : call.callee.type === 'Identifier' ? call.callee.name : undefined;
        return name === 'parse' && isRequestUrl(call.arguments[0] as Node) && call.arguments[1]?.type === 'Literal' && call.arguments[1].value === true;
      }
      // `Object.fromEntries(searchParams)`
      if (value.type === 'CallExpression' && dottedName(value.callee) === 'Object.fromEntries' && value.arguments[0]) return isSearchParams(value.arguments[0] as Node);
      return false;
    };
    const reads: QueryParameterRead[] = [];
    const read = (name: string, at: Node) => {
      if (seen.has(at)) return;
      seen.add(at);
      const kinds = kindsOfParameter(name, deps);
      if (kinds.length) reads.push({ node: at, name, kinds });
    };
    for (const inner of model.within(node)) {
      if (inner.type === 'VariableDeclarator' && inner.init) {
        if (inner.id.type === 'Identifier') {
          if (isSearchParams(inner.init)) searchParams.add(inner.id.name);
          else if (isQueryObject(inner.init)) queries.add(inner.id.name);
          else if (isUrlObject(inner.init)) urls.add(inner.id.name);
        } else if (inner.id.type === 'ObjectPattern') {
          const fromUrl = isUrlObject(inner.init);
          const fromQuery = !fromUrl && isQueryObject(inner.init);
          for (const property of inner.id.properties) {
            if (property.type !== 'Property') continue;
            const key = keyName(property.key);
            if (!key) continue;
            if (fromUrl && key === 'searchParams' && property.value.type === 'Identifier') searchParams.add(property.value.name);
            else if (fromQuery) read(key, property.key);
          }
        }
      } else if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && !inner.callee.computed && SEARCH_PARAMS_READS.has(propertyName(inner.callee) ?? '') && isSearchParams(inner.callee.object)) {
        const argument = inner.arguments[0];
        if (argument && isStringLiteral(argument)) read(argument.value, argument);
      } else if (inner.type === 'MemberExpression' && isQueryObject(inner.object)) {
        const parent = model.parent(inner);
        if (parent?.type === 'CallExpression' && parent.callee === inner) continue; // `query.hasOwnProperty(…)`
        const name = inner.computed ? (isStringLiteral(inner.property) ? inner.property.value : undefined) : propertyName(inner);
        if (name) read(name, inner);
      }
    }
    if (!reads.length) continue;
    const kinds = withoutStaffContacts([...new Set(reads.flatMap((entry) => entry.kinds))].sort(), isStaffSide(model, deps, node, undefined));
    if (!kinds.length) continue;
    const names = [...new Set(reads.map((entry) => entry.name))];
    findings.push({ kind: 'requestUrlQuery', node: reads[0].node, kinds, reads, precision: 'high', label: names.slice(0, 4).join(', ') + (names.length > 4 ? ', …' : '') });
  }
  return findings;
}

/** Every GET-route finding of a file, in document order. */
export function getRouteFindings(program: TSESTree.Program, deps: GetRouteDeps & { text: string }): GetRouteFinding[] {
  if (!MAY_SERVE_ROUTES.test(deps.text)) return [];
  const model = new FileModel(program);
  const findings: GetRouteFinding[] = [];
  const fhirPaths = new Set<string>();
  const reported = new Set<FunctionNode>();
  for (const [handler, { method, path }] of handlersOf(model)) {
    if (method === 'other') continue;
    const found = analyseHandler(model, deps, handler, method, path);
    if (found) {
      findings.push(found);
      reported.add(handler);
    }
  }
  for (const node of model.order) {
    let route: { method: string; path: Node } | undefined;
    if (node.type === 'CallExpression') route = routeRegistration(node, model);
    else if (node.type === 'ObjectExpression') route = routeTableEntry(node);
    if (!route || route.method !== 'get') continue;
    const path = pathText(route.path)!;
    const registration = node.type === 'CallExpression' ? routeRegistration(node, model) : undefined;
    const handlers = registration?.handlers ?? [];
    // only the router's root (`/` of a router mounted at `/:resourceType`) is the type-level search; `/_history`, `/:id` are not
    const typeFromParameters = path.text.replace(/\/+$/, '') === '' && handlers.some((handler) => readsResourceTypeAndWholeQuery(model, handler, deps));
    const fhir = handlers.length && handlers.every((handler) => readsOnlyNamedNonPersonParameters(model, handler)) ? undefined : fhirRouteFinding(route.path, path, deps, typeFromParameters);
    // A route table lists one path for several interactions (search, operations): one finding per path.
    if (fhir && !fhirPaths.has(path.text)) findings.push(fhir);
    fhirPaths.add(path.text);
    const staffSide = isStaffSide(model, deps, node, node.type === 'CallExpression' ? routeContext(node, route.path) : path.text);
    const parameter = pathParameterFinding(route.path, path, deps, staffSide);
    if (parameter) findings.push(parameter);
    if (registration && node.type === 'CallExpression') {
      const named = namedLookupFinding(node, path, registration.arguments, deps, staffSide);
      if (named) findings.push(named);
      // a handler already reported with the keys its search reads needs no finding of the route's name alone
      const search = fhir || handlers.some((handler) => reported.has(handler)) ? undefined : patientSearchRouteFinding(model, path, handlers, route.path);
      if (search) findings.push(search);
    }
  }
  findings.push(...fhirServiceFindings(model, deps));
  if (/queryStringParameters|pathParameters/.test(deps.text)) findings.push(...lambdaEventQueryFindings(model, deps));
  if (/\.url\b|nextUrl/.test(deps.text)) findings.push(...requestUrlQueryFindings(model, deps, reported));
  return findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
}
