// Code nothing runs. A finding inside a function that can never be called is not an exposure of the
// deployed product: a debug helper nobody calls, a storage writer only called by an exported generator no
// module imports. Such findings get the `unreachable` role (hidden by default like a test's, counted,
// listed with `--roles unreachable`), with the reason in `roleReason`.
//
// Two halves, so the editor can re-analyse one file and a scan can join many:
// - `extractReachFacts` (per file, pure, cacheable with the file's text): the functions, classes and
//   methods the file declares, what it exports under which names, every name it mentions and from where,
//   and what it imports or re-exports from which module specifier.
// - `unreachableEntities` (per scan, one fixpoint over all files' facts): starting from what surely runs
//   (module top levels, exports of modules nobody imports — entry points —, decorated and global code),
//   a name mentioned in live code makes its declarations live, and an import mentioned in live code
//   makes that export of the imported module live. Whatever is never reached is unreachable.
// Anything that cannot be proved unreachable stays reachable: a name mentioned anywhere (a property key,
// a string, JSX, `module.exports = { … }`, `window.x = f`, a callback argument) counts as a use; a
// namespace, default-less dynamic import or `require` of a module uses all of it; an import through a path
// alias reaches every module whose file name matches; without a complete workspace (the editor, a scan of
// a sub-folder, files of kinds the scan does not read that import code) only the file-local half applies.
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Finding, ReachEntity, ReachFacts, ReachImport } from '../core/types';
import { maskCode } from './value-mask';

type Node = TSESTree.Node;

export type { ReachEntity, ReachFacts, ReachImport };

const IDENTIFIER_LIKE = /^[A-Za-z_$#][\w$]*$/;
/** Statements after which the rest of their block never runs. */
const JUMP_STATEMENTS = new Set(['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement']);
/**
 * Types run nothing: a function or class named only in a type (`ReturnType<typeof useVisit>`, a parameter
 * typed `Service`) is not called there (classes built by dependency injection are decorated, hence pinned).
 */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeArguments', 'implements']);
const TYPE_ONLY = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSAbstractMethodDefinition', 'TSIndexSignature']);
const walkedKeysByType = new Map<string, readonly string[]>();

function walkedKeys(type: string): readonly string[] {
  let keys = walkedKeysByType.get(type);
  if (!keys) {
    keys = TYPE_ONLY.has(type) ? [] : (visitorKeys[type] ?? []).filter((key) => !TYPE_KEYS.has(key));
    walkedKeysByType.set(type, keys);
  }
  return keys;
}
/** Class members a framework or the language calls by their role, not by a mention. */
const IMPLICIT_MEMBERS = new Set(['constructor']);
/**
 * Public methods of a service a framework or the language calls by their name, never named by the
 * workspace: Angular's lifecycle hooks, conversions and protocols the runtime looks up (`toJSON`, `then`).
 */
const CALLED_BY_NAME = new Set([
  'constructor', 'ngOnInit', 'ngOnDestroy', 'ngOnChanges', 'ngDoCheck', 'ngAfterContentInit', 'ngAfterContentChecked', 'ngAfterViewInit', 'ngAfterViewChecked',
  'toJSON', 'toString', 'valueOf', 'then', 'catch', 'finally', 'next', 'return', 'throw', 'handleEvent', 'inspect', 'dispose',
  // What Angular and NestJS call on an injectable by its role, `implements` written or not: interceptors, guards,
  // resolvers, pipes, middleware, error handlers, form controls, module hooks, route reuse strategies.
  'intercept', 'canActivate', 'canActivateChild', 'canDeactivate', 'canLoad', 'canMatch', 'resolve', 'transform', 'use', 'handle',
  'handleError', 'validate', 'writeValue', 'registerOnChange', 'registerOnTouched', 'setDisabledState', 'getTranslation',
  'onModuleInit', 'onModuleDestroy', 'onApplicationBootstrap', 'beforeApplicationShutdown', 'onApplicationShutdown',
  'shouldDetach', 'store', 'shouldAttach', 'retrieve', 'shouldReuseRoute', 'parse', 'serialize', 'format',
]);
/** Interfaces whose methods are only the lifecycle hooks above: implementing them asks nothing else of a service. */
const LIFECYCLE_INTERFACES = new Set(['OnInit', 'OnDestroy', 'OnChanges', 'DoCheck', 'AfterContentInit', 'AfterContentChecked', 'AfterViewInit', 'AfterViewChecked']);

/** A class a dependency injector builds only by its type (`@Injectable()`), or no decorator at all: nothing calls its methods by their role. */
function isServiceLike(node: TSESTree.ClassDeclaration): boolean {
  if (node.superClass) return false;
  const decorators = node.decorators ?? [];
  return decorators.every((decorator) => {
    const expression = decorator.expression.type === 'CallExpression' ? decorator.expression.callee : decorator.expression;
    const name = expression.type === 'Identifier' ? expression.name : expression.type === 'MemberExpression' && expression.property.type === 'Identifier' ? expression.property.name : undefined;
    return name === 'Injectable';
  });
}

function typeNameOf(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName.name : undefined;
}

/** `this.x` → the class or interface the class gives `x`: a typed property, a constructor parameter property, `inject(T)`, `new T()`. */
function propertyTypes(node: TSESTree.ClassDeclaration): Map<string, string> | undefined {
  let types: Map<string, string> | undefined;
  const set = (name: string, type: string | undefined) => {
    if (type) (types ??= new Map()).set(name, type);
  };
  for (const member of node.body.body) {
    if (member.type === 'PropertyDefinition' && !member.computed && member.key.type === 'Identifier') {
      const value = member.value;
      const made = value?.type === 'CallExpression' && value.callee.type === 'Identifier' && value.callee.name === 'inject' ? value.arguments[0] : value?.type === 'NewExpression' ? value.callee : undefined;
      set(member.key.name, typeNameOf(member.typeAnnotation) ?? (made?.type === 'Identifier' ? made.name : undefined));
    } else if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier') set(param.parameter.name, typeNameOf(param.parameter.typeAnnotation));
      }
    }
  }
  return types;
}

const TEMPLATE_WORD = /[A-Za-z_$][\w$]*/g;
/** The names a template (Angular, Vue, an HTML page) may call: every identifier-like word in it. */
export function templateWords(text: string): string[] {
  const words = new Set<string>();
  TEMPLATE_WORD.lastIndex = 0;
  for (let match = TEMPLATE_WORD.exec(text); match; match = TEMPLATE_WORD.exec(text)) if (match[0].length > 1) words.add(match[0]);
  return [...words];
}
/**
 * Exports a platform calls by the file's place or a configuration entry, not by an import: a module's
 * default export (pages and routes of file-system routers, lazy routes, configs, stories), serverless and
 * CLI entry points, Next.js / Remix route handlers and data functions. Such a module may also be imported
 * for something else.
 */
const CONVENTIONAL_EXPORTS = new Set([
  'default',
  'handler', 'main', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS',
  'getServerSideProps', 'getStaticProps', 'getStaticPaths', 'getInitialProps', 'generateMetadata', 'generateStaticParams', 'loader', 'action', 'middleware',
]);

/** A file name that says it is an older copy kept beside the current one: `shell.old.tsx`, `page-old.tsx`, `list_backup.js`, `form.orig.ts`. */
export function isSupersededCopyName(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return /[._-](old|bak|backup|orig|previous|copy)\.[cm]?[jt]sx?$/i.test(name);
}

function isFunctionNode(node: Node | null | undefined): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

function hasDecorators(node: Node): boolean {
  const decorators = (node as { decorators?: unknown[] }).decorators;
  return Array.isArray(decorators) && decorators.length > 0;
}

function memberName(key: Node, computed: boolean): string | undefined {
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** Whether the file is a module (ESM or CommonJS): in a classic script, top-level declarations are globals. */
function isModule(program: TSESTree.Program, text: string): boolean {
  if (program.body.some((statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export') || statement.type === 'TSExportAssignment')) return true;
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bimport\s*\(/.test(text);
}

/**
 * The facts of one file. `program` is the tree the analysis parsed; nothing here evaluates code.
 * Iterative, so a tree as deep as the analysis handles does not overflow the stack here.
 */
export function extractReachFacts(program: TSESTree.Program, text: string): ReachFacts {
  const entities: ReachEntity[] = [];
  /** Name → how often the file mentions it, and the contexts (entity indexes, -1 the top level) it is mentioned in, each once. */
  const mentions = new Map<string, { count: number; contexts: number[] }>();
  const imports: ReachImport[] = [];
  const classicScript = !isModule(program, text);
  /** Nodes that declare an entity's name: not a mention of it. */
  const declaringNames = new Set<Node>();
  /** `export { f as g }` without a source: f is exported as g (not a mention). */
  const localExports = new Map<string, string[]>();
  const exportedNodes = new Map<Node, string[]>();

  /** Calls by a plain name, with their arguments, classified once the file's constants are known. */
  const calls: Array<{ name: string; args: TSESTree.CallExpressionArgument[] }> = [];
  /** Names bound to a literal for good (`const q = ''`, `const [q] = useState('')` with no setter), and every other binding's. */
  const literalConstants = new Set<string>();
  const otherBindings = new Set<string>();
  /** Where each name is bound (parameters, declarations): a parameter's name bound again inside its function shadows it. */
  const bindingPositions = new Map<string, number[]>();
  /** Class entity index → its properties' declared types (`this.svc` → `PatientService`). */
  const classPropertyTypes = new Map<number, Map<string, string>>();
  const members = new Map<string, number[]>();
  const typedMembers = new Map<string, number[]>();
  let dynamicMembers = false;
  const templateUrls: string[] = [];
  const interfaces: string[] = [];
  const memberMention = (into: Map<string, number[]>, name: string, context: number) => {
    const known = into.get(name);
    if (!known) into.set(name, [context]);
    else if (known[known.length - 1] !== context && !known.includes(context)) known.push(context);
  };
  /** Classes that extend another: `this.m()` in them may be a method their base declares elsewhere. */
  const subclasses = new Set<number>();
  const ownsAllThisMembers = (context: number): boolean => {
    for (let index = context; index >= 0; index = entities[index].parent) {
      if (entities[index].kind === 'class') return !subclasses.has(index);
      // `this` in a plain function is whatever it is called on.
      if (entities[index].kind === 'function') return false;
    }
    return false;
  };
  /** The type the innermost class around `context` gives its property `name`. */
  const typeOfThisProperty = (name: string, context: number): string | undefined => {
    for (let index = context; index >= 0; index = entities[index].parent) {
      if (entities[index].kind === 'class') return classPropertyTypes.get(index)?.get(name);
    }
    return undefined;
  };
  /** Statements after an unconditional `return`, `throw`, `break` or `continue` of their block: they never run. */
  const deadCode: Array<[number, number]> = [];
  const deadAfterJump = (statements: readonly Node[]) => {
    const jump = statements.findIndex((statement) => JUMP_STATEMENTS.has(statement.type));
    if (jump < 0) return;
    for (const statement of statements.slice(jump + 1)) {
      // Hoisted: a function declared after the jump is still callable from before it; types run nothing.
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (!declaration || declaration.type === 'FunctionDeclaration' || declaration.type === 'EmptyStatement' || TYPE_ONLY.has(declaration.type)) continue;
      deadCode.push([statement.range[0], statement.range[1]]);
    }
  };
  const mention = (name: string, context: number) => {
    const known = mentions.get(name);
    if (!known) mentions.set(name, { count: 1, contexts: [context] });
    else {
      known.count++;
      // Mentions come in walk order, so a context repeats mostly right after itself.
      if (known.contexts[known.contexts.length - 1] !== context && !known.contexts.includes(context)) known.contexts.push(context);
    }
  };

  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const specifier = String(statement.source.value);
      if (statement.specifiers.length === 0) imports.push({ specifier, imported: '' });
      for (const spec of statement.specifiers) {
        if (spec.type === 'ImportNamespaceSpecifier') imports.push({ specifier, imported: '*', local: spec.local.name });
        else if (spec.type === 'ImportDefaultSpecifier') imports.push({ specifier, imported: 'default', local: spec.local.name });
        else imports.push({ specifier, imported: spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value), local: spec.local.name });
      }
    } else if (statement.type === 'ExportAllDeclaration') {
      imports.push({ specifier: String(statement.source.value), imported: '*', reexported: statement.exported ? nameOfModuleExport(statement.exported) : '*' });
    } else if (statement.type === 'ExportNamedDeclaration') {
      if (statement.source) {
        for (const spec of statement.specifiers) {
          imports.push({ specifier: String(statement.source.value), imported: nameOfModuleExport(spec.local), reexported: nameOfModuleExport(spec.exported) });
        }
      } else if (statement.declaration) {
        const declaration = statement.declaration;
        if (declaration.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier') exportedNodes.set(declarator, [declarator.id.name]);
        } else if ('id' in declaration && declaration.id && declaration.id.type === 'Identifier') {
          exportedNodes.set(declaration, [declaration.id.name]);
        }
      } else {
        for (const spec of statement.specifiers) {
          declaringNames.add(spec.exported);
          if (spec.local.type !== 'Identifier') continue;
          pushTo(localExports, spec.local.name, nameOfModuleExport(spec.exported));
          declaringNames.add(spec.local);
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      if (declaration.type === 'Identifier') {
        pushTo(localExports, declaration.name, 'default');
        declaringNames.add(declaration);
      } else {
        exportedNodes.set(declaration, ['default']);
      }
    }
  }

  const namespaces: Array<[number, number]> = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'TSModuleDeclaration') namespaces.push([declaration.range[0], declaration.range[1]]);
  }

  // `import { a } from './m'; export { a as b }`: the module re-exports what it imported.
  for (const [local, exportedAs] of localExports) {
    for (const item of imports) {
      if (item.local !== local) continue;
      for (const reexported of exportedAs) imports.push({ specifier: item.specifier, imported: item.imported, reexported });
    }
  }

  // Walk: every node with the innermost entity it is in. Import and re-export statements are facts
  // above, not mentions.
  const nodes: Node[] = program.body
    .filter((statement) => statement.type !== 'ImportDeclaration' && statement.type !== 'ExportAllDeclaration' && !(statement.type === 'ExportNamedDeclaration' && statement.source))
    .reverse();
  const contexts: number[] = nodes.map(() => -1);
  while (nodes.length) {
    const node = nodes.pop()!;
    const outer = contexts.pop()!;
    let context = outer;
    const entity = entityOf(node, outer);
    if (entity) {
      const exported = [...(exportedNodes.get(node) ?? []), ...(entity.name !== 'default' && outer === -1 ? localExports.get(entity.name) ?? [] : [])];
      if (exported.length) entity.exported = exported;
      if (!entity.pinned && exported.some((name) => CONVENTIONAL_EXPORTS.has(name))) entity.pinned = 'an entry point by convention';
      // A framework builds a decorated class (a component, a controller) and calls its members from templates and routes.
      if (!entity.pinned && entity.kind === 'method' && outer >= 0 && entities[outer].pinned === 'decorated' && !entity.member) entity.pinned = 'a member of a decorated class';
      if (!entity.pinned && classicScript && outer === -1) entity.pinned = 'a global of a classic script';
      // A namespace's members are reached as `Namespace.member` from anywhere: not judged.
      if (!entity.pinned && namespaces.some(([start, end]) => entity.start >= start && entity.end <= end)) entity.pinned = 'in a namespace';
      entities.push(entity);
      context = entities.length - 1;
    }
    switch (node.type) {
      case 'BlockStatement':
      case 'StaticBlock':
        deadAfterJump(node.body);
        break;
      case 'SwitchCase':
        deadAfterJump(node.consequent);
        break;
      case 'Identifier':
      case 'JSXIdentifier':
        if (!declaringNames.has(node)) mention(node.name, context);
        break;
      case 'PrivateIdentifier':
        if (!declaringNames.has(node)) mention(`#${node.name}`, context);
        break;
      case 'Literal':
        // A string naming a member or a function (`this['save']`, a handler registered by name).
        if (typeof node.value === 'string' && node.value.length <= 100 && IDENTIFIER_LIKE.test(node.value)) mention(node.value, context);
        break;
      case 'ImportExpression':
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') imports.push({ specifier: node.source.value, imported: '*' });
        break;
      case 'MemberExpression':
        // `this.save()` in a class extending nothing names its own member: the file's own mentions hold it.
        if (!node.computed && node.property.type === 'Identifier' && !(node.object.type === 'ThisExpression' && ownsAllThisMembers(context))) {
          const receiver = node.object;
          const type = receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression' && !receiver.computed && receiver.property.type === 'Identifier' ? typeOfThisProperty(receiver.property.name, context) : undefined;
          if (type) memberMention(typedMembers, `${type}.${node.property.name}`, context);
          else memberMention(members, node.property.name, context);
        } else if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
          memberMention(members, node.property.value, context);
        } else if (node.computed && node.object.type === 'ThisExpression' && node.property.type !== 'Literal') {
          dynamicMembers = true;
        }
        break;
      case 'ObjectPattern':
        // `const { load } = this.records`: a method taken off an instance.
        for (const property of node.properties) if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier') memberMention(members, property.key.name, context);
        break;
      case 'Property':
        if (!node.computed && node.key.type === 'Identifier' && (node.key.name === 'template' || node.key.name === 'host')) {
          const value = node.value;
          const text = value.type === 'Literal' && typeof value.value === 'string' ? value.value : value.type === 'TemplateLiteral' ? value.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' ') : value.type === 'ObjectExpression' ? JSON.stringify(value.properties.map((item) => (item.type === 'Property' && item.value.type === 'Literal' ? item.value.value : ''))) : '';
          for (const word of templateWords(text)) memberMention(members, word, context);
          // `template: require('./view.html')`, a constant: unread, so it may call any member of what the file injects.
          if (node.key.name === 'template' && !text && value.type !== 'Literal' && value.type !== 'TemplateLiteral') dynamicMembers = true;
        } else if (!node.computed && node.key.type === 'Identifier' && node.key.name === 'templateUrl') {
          // A template named some other way than by a path (`require('./view.html')`, a constant) may call any
          // member of what the component injects: its services are judged as if looked up dynamically.
          if (node.value.type === 'Literal' && typeof node.value.value === 'string') templateUrls.push(node.value.value);
          else dynamicMembers = true;
        }
        break;
      case 'TSInterfaceDeclaration':
        interfaces.push(node.id.name);
        break;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          if (isLiteralBinding(declarator, node.kind)) literalConstants.add(declarator.id.type === 'Identifier' ? declarator.id.name : ((declarator.id as TSESTree.ArrayPattern).elements[0] as TSESTree.Identifier).name);
          else bindingNames(declarator.id, otherBindings, bindingPositions);
        }
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        for (const param of node.params) bindingNames(param, otherBindings, bindingPositions);
        break;
      case 'CatchClause':
        if (node.param) bindingNames(node.param, otherBindings, bindingPositions);
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier') calls.push({ name: node.callee.name, args: node.arguments });
        // `service[name]()`: any method of what the file names may be the one called.
        if (node.callee.type === 'MemberExpression' && node.callee.computed && node.callee.property.type !== 'Literal') dynamicMembers = true;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal' && typeof node.arguments[0].value === 'string') {
          imports.push({ specifier: node.arguments[0].value, imported: '*' });
        }
        break;
      default:
        break;
    }
    const keys = walkedKeys(node.type);
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          if (child[i] && typeof child[i] === 'object' && !mentionedLeaf(child[i] as Node, context)) {
            nodes.push(child[i] as Node);
            contexts.push(context);
          }
        }
      } else if (child && typeof child === 'object' && 'type' in child && !mentionedLeaf(child as Node, context)) {
        nodes.push(child as Node);
        contexts.push(context);
      }
    }
  }

  /**
   * Names and literals, most of a tree's nodes, are taken as they are met instead of through the stack (they
   * have nothing below them to walk). Which context mentions a name is all that counts, not in what order.
   */
  function mentionedLeaf(node: Node, context: number): boolean {
    if (node.type === 'Literal') {
      if (typeof node.value === 'string' && node.value.length <= 100 && IDENTIFIER_LIKE.test(node.value)) mention(node.value, context);
      return true;
    }
    if ((node.type === 'Identifier' && !node.decorators?.length) || node.type === 'JSXIdentifier') {
      if (!declaringNames.has(node)) mention(node.name, context);
      return true;
    }
    return false;
  }

  function entityOf(node: Node, parent: number): ReachEntity | undefined {
    switch (node.type) {
      case 'FunctionDeclaration':
        if (!node.id) return exportedNodes.has(node) ? { name: 'default', kind: 'function', start: node.range[0], end: node.range[1], parent } : undefined;
        declaringNames.add(node.id);
        return { name: node.id.name, kind: 'function', start: node.range[0], end: node.range[1], parent, params: paramsOf(node) };
      case 'VariableDeclarator':
        if (node.id.type !== 'Identifier' || !isFunctionNode(node.init)) return undefined;
        declaringNames.add(node.id);
        return { name: node.id.name, kind: 'function', start: node.range[0], end: node.range[1], parent, params: paramsOf(node.init) };
      case 'ClassDeclaration': {
        if (!node.id && !exportedNodes.has(node)) return undefined;
        if (node.id) declaringNames.add(node.id);
        const entity: ReachEntity = { name: node.id?.name ?? 'default', kind: 'class', start: node.range[0], end: node.range[1], parent };
        if (hasDecorators(node)) entity.pinned = 'decorated';
        if (isServiceLike(node)) {
          const aka = (node.implements ?? []).flatMap((clause) => (clause.expression.type === 'Identifier' ? [clause.expression.name] : clause.expression.type === 'MemberExpression' ? ['?'] : []));
          entity.service = aka.length ? { aka } : {};
        }
        const types = propertyTypes(node);
        if (types) classPropertyTypes.set(entities.length, types);
        if (node.superClass) subclasses.add(entities.length);
        return entity;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        // `export default () => …`
        return exportedNodes.has(node) ? { name: 'default', kind: 'function', start: node.range[0], end: node.range[1], parent } : undefined;
      case 'MethodDefinition':
      case 'PropertyDefinition': {
        if (node.type === 'PropertyDefinition' && !isFunctionNode(node.value)) return undefined;
        const name = memberName(node.key, node.computed);
        if (name === undefined) return undefined;
        declaringNames.add(node.key);
        const entity: ReachEntity = { name, kind: 'method', start: node.range[0], end: node.range[1], parent };
        // Only a private member (TS `private`, `#name`) is known to be called from this file alone: a
        // public one may be called by a template, a framework hook or another file's instance.
        const isPrivate = name.startsWith('#') || node.accessibility === 'private';
        // Of a class only an injector builds, every public method; of a plain class only the static ones: a framework
        // may build a plain class itself (an AngularJS controller, a library's strategy) and call its methods from
        // templates or by their role, while a static method is reached by `Class.method` alone.
        const ofService = parent >= 0 && entities[parent].kind === 'class' && entities[parent].service !== undefined && (entities[parent].pinned === 'decorated' || node.static);
        if (hasDecorators(node)) entity.pinned = 'decorated';
        else if (!isPrivate && ofService && !CALLED_BY_NAME.has(name) && (node.type === 'PropertyDefinition' || node.kind === 'method')) entity.member = true;
        else if (!isPrivate) entity.pinned = 'a public member';
        else if (IMPLICIT_MEMBERS.has(name) || (node.type === 'MethodDefinition' && node.kind !== 'method')) entity.pinned = 'called implicitly';
        return entity;
      }
      default:
        return undefined;
    }
  }

  // Kept for the whole scan, so only what the fixpoint asks: a mention matters when it names one of the
  // file's own entities or an import's local binding (`mentioned` looks up nothing else).
  const bound = new Set<string>(entities.map((entity) => entity.name));
  for (const item of imports) if (item.local !== undefined) bound.add(item.local);
  // Without a prototype: a file's own `toString` or `__proto__` is looked up as a name like any other.
  const record: Record<string, number[]> = Object.create(null);
  for (const [name, { contexts }] of mentions) if (bound.has(name)) record[name] = contexts;
  // Calls of the file's functions and imports: what each argument is.
  const callable = new Set([...entities.filter((entity) => entity.kind === 'function').map((entity) => entity.name), ...imports.flatMap((item) => (item.local ? [item.local] : []))]);
  const constant = (name: string) => literalConstants.has(name) && !otherBindings.has(name) && !callable.has(name);
  const callRecord: Record<string, { mentions: number; calls: string[] }> = Object.create(null);
  for (const name of callable) {
    const known = mentions.get(name);
    if (known) callRecord[name] = { mentions: known.count, calls: [] };
  }
  for (const { name, args } of calls) {
    const entry = callRecord[name];
    if (!entry) continue;
    entry.calls.push(args.map((arg) => (arg.type === 'SpreadElement' ? '*' : carriesNothing(arg, constant) ? 'e' : 'v')).join(''));
  }
  const rebound: Record<string, number[]> = Object.create(null);
  for (const entity of entities) {
    for (const param of entity.params ?? []) {
      const positions = bindingPositions.get(param?.name ?? '') ?? [];
      if (param && (positions.length > 1 || literalConstants.has(param.name))) rebound[param.name] = literalConstants.has(param.name) ? [...positions, -1] : positions;
    }
  }
  const facts: ReachFacts = { entities, mentions: record, imports, ...(Object.keys(callRecord).length ? { calls: callRecord } : {}), ...(Object.keys(rebound).length ? { rebound } : {}) };
  if (members.size) facts.members = Object.assign(Object.create(null), Object.fromEntries(members));
  if (typedMembers.size) facts.typedMembers = Object.assign(Object.create(null), Object.fromEntries(typedMembers));
  if (dynamicMembers) facts.dynamicMembers = true;
  if (templateUrls.length) facts.templateUrls = templateUrls;
  if (interfaces.length) facts.interfaces = interfaces;
  if (deadCode.length) facts.deadCode = deadCode;
  return facts;
}

/** A function's parameters by position; a rest parameter ends the list. */
function paramsOf(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): ReachEntity['params'] {
  const params: NonNullable<ReachEntity['params']> = [];
  for (const param of node.params) {
    if (param.type === 'RestElement') break;
    const target = param.type === 'AssignmentPattern' ? param.left : param;
    params.push(target.type === 'Identifier' ? { name: target.name, start: target.range[0], end: target.range[0] + target.name.length } : null);
  }
  return params;
}

/** Adds the names a binding pattern declares. */
function bindingNames(pattern: Node, into: Set<string>, positions?: Map<string, number[]>): void {
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name);
      if (positions) pushTo(positions, pattern.name, pattern.range[0]);
      break;
    case 'AssignmentPattern':
      bindingNames(pattern.left, into, positions);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) bindingNames(element, into, positions);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) bindingNames(property.type === 'RestElement' ? property : property.value, into, positions);
      break;
    case 'RestElement':
      bindingNames(pattern.argument, into, positions);
      break;
    case 'TSParameterProperty':
      bindingNames(pattern.parameter, into, positions);
      break;
    default:
      break;
  }
}

/** A literal, a template without expressions, `undefined`, `void 0`: a value no person typed. */
function isLiteralValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (node.type === 'Literal') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'Identifier') return node.name === 'undefined';
  if (node.type === 'UnaryExpression') return node.operator === 'void' || ((node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal');
  if (node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression') return isLiteralValue(node.expression);
  return false;
}

/** `const q = ''`, `const [q] = useState('')` (no setter: it never changes). */
function isLiteralBinding(node: TSESTree.VariableDeclarator, kind: TSESTree.VariableDeclaration['kind']): boolean {
  if (node.id.type === 'Identifier') return kind === 'const' && node.init !== null && isLiteralValue(node.init);
  if (node.id.type !== 'ArrayPattern' || node.id.elements.length !== 1 || node.id.elements[0]?.type !== 'Identifier') return false;
  const init = node.init;
  if (init?.type !== 'CallExpression') return false;
  const callee = init.callee.type === 'MemberExpression' && !init.callee.computed ? init.callee.property : init.callee;
  return callee.type === 'Identifier' && callee.name === 'useState' && init.arguments.length <= 1 && (init.arguments.length === 0 || isLiteralValue(init.arguments[0] as Node));
}

function carriesNothing(arg: Node, constant: (name: string) => boolean): boolean {
  if (isLiteralValue(arg)) return true;
  return arg.type === 'Identifier' && constant(arg.name);
}

const ANY_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]([^'"\n]{1,300})['"]/g;

/**
 * The facts of a file that could not be parsed: every module it seems to import is used whole, and it
 * declares nothing that could be judged.
 */
export function opaqueReachFacts(text: string): ReachFacts {
  const imports: ReachImport[] = [];
  ANY_IMPORT.lastIndex = 0;
  for (let match = ANY_IMPORT.exec(text); match; match = ANY_IMPORT.exec(text)) imports.push({ specifier: match[1], imported: '*' });
  return { entities: [], mentions: Object.create(null), imports, members: wordsAsMembers(text) };
}

/** A template (or a file read as text only): every word it has may name a method it calls, at its top level. */
export function templateReachFacts(text: string): ReachFacts {
  return { entities: [], mentions: Object.create(null), imports: [], members: wordsAsMembers(text) };
}

/**
 * A component's facts with its markup's words (`.vue`/`.svelte` template, which the engine does not analyse):
 * each may name a function of its scripts (`<script setup>`'s `save`, a Svelte handler) or a member (an Options
 * API method), used by the top level.
 */
export function withMarkupWords(facts: ReachFacts, markup: string): ReachFacts {
  const words = templateWords(markup);
  if (words.length === 0) return facts;
  const members: Record<string, number[]> = Object.assign(Object.create(null), facts.members);
  const mentions: Record<string, number[]> = Object.assign(Object.create(null), facts.mentions);
  for (const word of words) {
    members[word] = [...(members[word] ?? []), -1];
    mentions[word] = [...(mentions[word] ?? []), -1];
  }
  return { ...facts, members, mentions };
}

function wordsAsMembers(text: string): Record<string, number[]> {
  const members: Record<string, number[]> = Object.create(null);
  for (const word of templateWords(text)) members[word] = [-1];
  return members;
}

/**
 * Facts kept as JSON text (a workspace scan holds every file's until its end) read back: the name-keyed
 * records again without a prototype, as `extractReachFacts` makes them.
 */
export function parseReachFacts(json: string): ReachFacts {
  const facts = JSON.parse(json) as ReachFacts;
  facts.mentions = Object.assign(Object.create(null), facts.mentions);
  if (facts.calls) facts.calls = Object.assign(Object.create(null), facts.calls);
  if (facts.rebound) facts.rebound = Object.assign(Object.create(null), facts.rebound);
  if (facts.members) facts.members = Object.assign(Object.create(null), facts.members);
  if (facts.typedMembers) facts.typedMembers = Object.assign(Object.create(null), facts.typedMembers);
  return facts;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nameOfModuleExport(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

// ── the fixpoint ─────────────────────────────────────────────────────────────────────────────

export interface UnreachableEntity {
  start: number;
  end: number;
  reason: string;
}

/** `src/a/validate.ts`, `src/a/validate/index.ts` → `src/a/validate`: what a relative import names. */
export function reachModuleKey(file: string): string {
  const posix = file.split(path.sep).join('/').replace(/\.(?:d\.)?(?:[cm]?[jt]sx?)$/, '');
  return posix.endsWith('/index') ? posix.slice(0, -'/index'.length) : posix;
}

function lastSegment(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? key : key.slice(slash + 1);
}

export interface ReachOptions {
  /**
   * Whether the facts cover every module that could import these files (a scan of the whole project
   * reading every file kind that imports code). Without it only the file-local half applies: a
   * non-exported function no live code of its own file mentions.
   */
  complete: boolean;
  /**
   * Files whose calls do not count as callers of a parameter (tests, mocks, stories: they pass test data
   * and are not deployed; a test that mocks a function mentions it without calling it).
   */
  testFiles?: ReadonlySet<string>;
  /**
   * Modules of bundled browser apps that are no entry by the bundler's or framework's convention and that no page
   * or configuration names (bundled-apps.ts): nobody importing them, nothing in them runs. Only with `complete`.
   */
  bundledNonEntries?: ReadonlySet<string>;
}

/**
 * The entities of each file that can never run, with the reason: one worklist pass over every file's
 * facts. `facts` is keyed by workspace-relative path.
 */
interface ModuleGraph {
  files: string[];
  filesByKey: Map<string, string[]>;
  /** The workspace modules a specifier in `file` may name (an alias reaches every module of that file name). */
  targetsOf(file: string, specifier: string): string[];
  /** A monorepo's own package imported by its name (`utils`, `@clinic/utils`): every module under a folder of that name. */
  packageModulesOf(specifier: string): string[];
}

function moduleGraph(facts: ReadonlyMap<string, ReachFacts>): ModuleGraph {
  const files = [...facts.keys()];
  const filesByKey = new Map<string, string[]>();
  const keysBySegment = new Map<string, string[]>();
  for (const file of files) {
    const key = reachModuleKey(file);
    const list = filesByKey.get(key);
    if (list) list.push(file);
    else {
      filesByKey.set(key, [file]);
      const segment = lastSegment(key);
      pushTo(keysBySegment, segment, key);
    }
  }

  const resolved = new Map<string, string[]>();
  const targetsOf = (file: string, specifier: string): string[] => {
    if (specifier.startsWith('.')) {
      const key = reachModuleKey(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
      return filesByKey.has(key) ? [key] : [];
    }
    let targets = resolved.get(specifier);
    if (!targets) {
      const trimmed = specifier.replace(/\/+$/, '').replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');
      resolved.set(specifier, (targets = keysBySegment.get(lastSegment(trimmed)) ?? []));
    }
    return targets;
  };
  const byFolder = new Map<string, string[]>();
  for (const key of filesByKey.keys()) {
    for (const folder of new Set(key.split('/').slice(0, -1))) pushTo(byFolder, folder, key);
  }
  const packageModulesOf = (specifier: string): string[] => {
    const bare = /^(?:@[^/]+\/)?([^/.][^/]*)$/.exec(specifier);
    return bare ? byFolder.get(bare[1]) ?? [] : [];
  };
  return { files, filesByKey, targetsOf, packageModulesOf };
}

export function unreachableEntities(facts: ReadonlyMap<string, ReachFacts>, options: ReachOptions): Map<string, UnreachableEntity[]> {
  const { files, filesByKey, targetsOf, packageModulesOf } = moduleGraph(facts);

  // Who imports each module; the bindings of each file's imports by local name.
  const importedModules = new Set<string>();
  /** Module key → the files that import it; file → the module keys it imports. */
  const importersByKey = new Map<string, string[]>();
  const importedKeysByFile = new Map<string, string[]>();
  const importsByLocal = new Map<string, Map<string, Array<{ targets: string[]; imported: string }>>>();
  const reexportsByModule = new Map<string, Array<{ targets: string[]; imported: string; reexported: string }>>();
  const demanded = new Map<string, Set<string> | 'all'>();
  const live = new Map<string, boolean[]>();
  const worklist: Array<() => void> = [];
  const unresolvedNames = new Set<string>();

  for (const file of files) {
    const fileKey = reachModuleKey(file);
    const byLocal = new Map<string, Array<{ targets: string[]; imported: string }>>();
    importsByLocal.set(file, byLocal);
    for (const item of facts.get(file)!.imports) {
      const targets = targetsOf(file, item.specifier).filter((key) => key !== fileKey);
      for (const key of targets) {
        importedModules.add(key);
        pushTo(importersByKey, key, file);
        pushTo(importedKeysByFile, file, key);
      }
      if (!item.specifier.startsWith('.')) {
        // A package name or an alias the index cannot resolve for sure: a name imported from it may be any
        // module's export of that name, a whole import of a workspace package uses all of that package.
        if (item.imported === '*' || item.imported === 'default' || item.imported === '') {
          const modules = packageModulesOf(item.specifier);
          if (modules.length) worklist.push(() => modules.forEach((key) => demand(key, '*')));
        } else {
          unresolvedNames.add(item.imported);
        }
      }
      if (item.reexported !== undefined) {
        pushTo(reexportsByModule, fileKey, { targets, imported: item.imported, reexported: item.reexported });
      } else if (item.local !== undefined) {
        pushTo(byLocal, item.local, { targets, imported: item.imported });
      } else if (item.imported === '*') {
        // A dynamic import or a require: the whole module, wherever it is written.
        worklist.push(() => targets.forEach((key) => demand(key, '*')));
      }
    }
  }

  // Names imported from a package or alias: every module that exports such a name (or re-exports it) is asked for it.
  if (unresolvedNames.size) {
    for (const file of files) {
      const key = reachModuleKey(file);
      const { entities, imports } = facts.get(file)!;
      // Declared exports and named re-exports; what `export *` passes on is declared in its own module.
      const exported = new Set([...entities.flatMap((entity) => (entity.parent === -1 ? entity.exported ?? [] : [])), ...imports.flatMap((item) => (item.reexported && item.reexported !== '*' ? [item.reexported] : []))]);
      for (const name of exported) if (unresolvedNames.has(name)) worklist.push(() => demand(key, name));
    }
  }

  /** Modules whose exports code outside the workspace may use (entry modules): their classes' methods too. */
  const demandedFromOutside = new Map<string, Set<string> | 'all'>();
  function demand(key: string, name: string, fromOutside = false): void {
    const seen = fromOutside ? demandedFromOutside : demanded;
    const current = seen.get(key);
    if (current === 'all') return;
    if (name === '*') seen.set(key, 'all');
    else if (current?.has(name)) return;
    else seen.set(key, (current ?? new Set()).add(name));
    for (const file of filesByKey.get(key) ?? []) {
      const byExport = exportedEntities.get(file);
      if (!byExport) continue;
      const reach = (index: number) => {
        call(file, index);
        if (fromOutside) pinMembers(file, index);
      };
      if (name === '*') for (const indexes of byExport.values()) indexes.forEach(reach);
      else for (const index of byExport.get(name) ?? []) reach(index);
    }
    for (const reexport of reexportsByModule.get(key) ?? []) {
      if (reexport.reexported === '*') reexport.targets.forEach((target) => demand(target, name === '*' ? '*' : name, fromOutside));
      else if (name === '*' || reexport.reexported === name) reexport.targets.forEach((target) => demand(target, reexport.imported, fromOutside));
    }
  }

  /** A service's methods all callable: its instance reaches code that calls them some other way than by name here. */
  function pinMembers(file: string, index: number): void {
    const { entities } = facts.get(file)!;
    if (entities[index].kind !== 'class' || !entities[index].service) return;
    for (const child of childrenOf.get(file)![index] ?? []) if (entities[child].member) call(file, child);
  }

  // Public methods of services, by name; services by their name and the interfaces they implement.
  const serviceMethods = new Map<string, Array<[string, number]>>();
  const servicesByType = new Map<string, Array<[string, number]>>();
  const declaredTypes = new Set<string>();
  for (const file of files) {
    const { entities, interfaces } = facts.get(file)!;
    for (const name of interfaces ?? []) declaredTypes.add(name);
    entities.forEach((entity, index) => {
      if (entity.kind === 'class') declaredTypes.add(entity.name);
      if (entity.member) pushTo(serviceMethods, entity.name, [file, index]);
      if (entity.kind === 'class' && entity.service) for (const type of [entity.name, ...(entity.service.aka ?? [])]) pushTo(servicesByType, type, [file, index]);
    });
  }
  /** `x.name` in live code: every service method of that name may be the one called. */
  const calledMembers = new Set<string>();
  function memberCalled(name: string): void {
    if (calledMembers.has(name)) return;
    calledMembers.add(name);
    for (const [file, index] of serviceMethods.get(name) ?? []) call(file, index);
  }
  /** `this.records.name` with `records` typed `Type`: the methods of that name of the services of that type, or any of that name if none declares it. */
  function typedMemberCalled(typed: string): void {
    const dot = typed.lastIndexOf('.');
    const type = typed.slice(0, dot);
    const name = typed.slice(dot + 1);
    const own: Array<[string, number]> = [];
    for (const [file, classIndex] of servicesByType.get(type) ?? []) {
      const { entities } = facts.get(file)!;
      for (const child of childrenOf.get(file)![classIndex] ?? []) if (entities[child].name === name && entities[child].member) own.push([file, child]);
    }
    if (own.length === 0) memberCalled(name);
    else own.forEach(([file, index]) => call(file, index));
  }
  const contextMembers = new Map<string, Map<number, string[]>>();
  const contextTypedMembers = new Map<string, Map<number, string[]>>();
  function membersMentioned(file: string, context: number): void {
    for (const name of contextMembers.get(file)?.get(context) ?? []) memberCalled(name);
    for (const typed of contextTypedMembers.get(file)?.get(context) ?? []) typedMemberCalled(typed);
  }

  /** Marked callable (mentioned by live code, exported and imported, pinned); live once its parent is. */
  const called = new Map<string, boolean[]>();
  function call(file: string, index: number): void {
    const calledHere = called.get(file)!;
    if (calledHere[index]) return;
    calledHere[index] = true;
    const { entities } = facts.get(file)!;
    const parent = entities[index].parent;
    if (parent === -1 || live.get(file)![parent]) enliven(file, index);
  }

  const childrenOf = new Map<string, number[][]>();
  const contextMentions = new Map<string, Map<number, string[]>>();
  function enliven(file: string, index: number): void {
    const liveHere = live.get(file)!;
    if (liveHere[index]) return;
    liveHere[index] = true;
    for (const name of contextMentions.get(file)!.get(index) ?? []) mentioned(file, name);
    membersMentioned(file, index);
    for (const child of childrenOf.get(file)![index] ?? []) if (called.get(file)![child]) enliven(file, child);
  }

  const entitiesByName = new Map<string, Map<string, number[]>>();
  function mentioned(file: string, name: string): void {
    for (const index of entitiesByName.get(file)!.get(name) ?? []) call(file, index);
    if (!options.complete) return;
    for (const binding of importsByLocal.get(file)!.get(name) ?? []) binding.targets.forEach((key) => demand(key, binding.imported === '*' ? '*' : binding.imported));
  }

  /** File → export name → its top-level entities. */
  const exportedEntities = new Map<string, Map<string, number[]>>();
  for (const file of files) {
    const { entities, mentions } = facts.get(file)!;
    const byExport = new Map<string, number[]>();
    entities.forEach((entity, index) => {
      if (entity.parent === -1) for (const name of entity.exported ?? []) pushTo(byExport, name, index);
    });
    if (byExport.size) exportedEntities.set(file, byExport);
    live.set(file, new Array(entities.length).fill(false));
    called.set(file, new Array(entities.length).fill(false));
    const children: number[][] = [];
    const byName = new Map<string, number[]>();
    entities.forEach((entity, index) => {
      if (entity.parent >= 0) (children[entity.parent] ??= []).push(index);
      pushTo(byName, entity.name, index);
    });
    childrenOf.set(file, children);
    entitiesByName.set(file, byName);
    const byContext = new Map<number, string[]>();
    for (const [name, contexts] of Object.entries(mentions)) for (const context of contexts) pushTo(byContext, context, name);
    contextMentions.set(file, byContext);
    const { members, typedMembers } = facts.get(file)!;
    if (members) {
      const byMemberContext = new Map<number, string[]>();
      for (const [name, contexts] of Object.entries(members)) for (const context of contexts) pushTo(byMemberContext, context, name);
      contextMembers.set(file, byMemberContext);
    }
    if (typedMembers) {
      const byTypedContext = new Map<number, string[]>();
      for (const [name, contexts] of Object.entries(typedMembers)) for (const context of contexts) pushTo(byTypedContext, context, name);
      contextTypedMembers.set(file, byTypedContext);
    }
  }

  /**
   * A superseded copy, or a bundled browser app's module that is no entry, that no module imports — or that only
   * modules never loaded import (`list-old.js` nobody imports is the only importer of `EditModal.js`): never loaded.
   */
  const unloadedFiles = new Set<string>();
  const loadsOnlyThroughImports = (file: string) => isSupersededCopyName(file) || (options.bundledNonEntries?.has(file) ?? false);
  if (options.complete) {
    const pending: string[] = [];
    const check = (file: string) => {
      if (unloadedFiles.has(file) || !loadsOnlyThroughImports(file)) return;
      if ((importersByKey.get(reachModuleKey(file)) ?? []).some((importer) => !unloadedFiles.has(importer))) return;
      unloadedFiles.add(file);
      pending.push(file);
    };
    for (const file of files) check(file);
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      for (const key of importedKeysByFile.get(next) ?? []) for (const imported of filesByKey.get(key) ?? []) check(imported);
    }
  }
  function neverLoaded(file: string, _key: string): boolean {
    return unloadedFiles.has(file);
  }
  for (const file of files) {
    const { entities } = facts.get(file)!;
    const key = reachModuleKey(file);
    // A superseded copy nobody imports (`shell.old.tsx`, `page-old.tsx`, `list.bak.js`) is kept for reference: not an
    // entry point, nothing in it runs.
    if (neverLoaded(file, key)) continue;
    // What the module's top level mentions runs when it loads.
    worklist.push(() => {
      for (const name of contextMentions.get(file)!.get(-1) ?? []) mentioned(file, name);
      membersMentioned(file, -1);
    });
    entities.forEach((entity, index) => {
      if (entity.pinned) worklist.push(() => call(file, index));
      // Without every caller in view, or implementing an interface a framework calls (`HttpInterceptor`), a
      // service's methods are not judged.
      if (entity.member && (!options.complete || !knownContract(entities[entity.parent]))) worklist.push(() => call(file, index));
    });
    // The project not known whole, or the module an entry point nobody imports: all it exports, declared or
    // re-exported (a package's index), is callable from outside.
    if (!options.complete || !importedModules.has(key)) worklist.push(() => demand(key, '*', true));
    // `this[name]()`, `service[key]()`: every method of the services the file declares or imports may be called.
    if (facts.get(file)!.dynamicMembers) {
      const named = new Set([...entities.map((entity) => entity.name), ...facts.get(file)!.imports.flatMap((item) => (item.local ? [item.local] : []))]);
      worklist.push(() => {
        for (const name of named) for (const [serviceFile, index] of servicesByType.get(name) ?? []) pinMembers(serviceFile, index);
      });
    }
  }
  function knownContract(service: ReachEntity): boolean {
    return (service.service?.aka ?? []).every((type) => LIFECYCLE_INTERFACES.has(type) || (type !== '?' && declaredTypes.has(type)));
  }
  for (const step of worklist) step();

  // For the reasons: which exports some file imports by name (even where that import is never used).
  const importedNames = new Set<string>();
  for (const bindings of importsByLocal.values()) for (const list of bindings.values()) for (const binding of list) for (const key of binding.targets) importedNames.add(`${key}\u0000${binding.imported}`);
  const memberNamesAnywhere = new Set<string>();
  for (const file of files) {
    const { members, typedMembers } = facts.get(file)!;
    for (const name of Object.keys(members ?? {})) memberNamesAnywhere.add(name);
    for (const typed of Object.keys(typedMembers ?? {})) memberNamesAnywhere.add(typed.slice(typed.lastIndexOf('.') + 1));
  }
  const result = new Map<string, UnreachableEntity[]>();
  for (const file of files) {
    const { entities } = facts.get(file)!;
    const key = reachModuleKey(file);
    // An older copy nobody imports runs nowhere, even where its names are mentioned by live code (a current copy's
    // component of the same name).
    const unloaded = neverLoaded(file, key);
    const supersededCopy = unloaded && isSupersededCopyName(file);
    const liveHere = unloaded ? entities.map(() => false) : live.get(file)!;
    const dead: UnreachableEntity[] = [];
    entities.forEach((entity, index) => {
      if (liveHere[index]) return;
      // Only the outermost dead entity: what is inside it is dead with it.
      if (entity.parent >= 0 && !liveHere[entity.parent]) return;
      const mentionedElsewhere = (facts.get(file)!.mentions[entity.name] ?? []).some((context) => context !== index)
        || (entity.exported ?? []).some((name) => importedNames.has(`${key}\u0000${name}`))
        || (entity.member === true && memberNamesAnywhere.has(entity.name));
      dead.push({ start: entity.start, end: entity.end, reason: supersededCopy ? `${maskCode(file.slice(file.lastIndexOf('/') + 1))} is an older copy that no module imports` : unloaded && importedModules.has(key) ? `${maskCode(file.slice(file.lastIndexOf('/') + 1))} is a module of a bundled browser app that only modules the bundle never loads import, so the bundle never loads it` : unloaded ? `${maskCode(file.slice(file.lastIndexOf('/') + 1))} is a module of a bundled browser app that no module imports and no entry names, so the bundle never loads it` : reasonFor(entity, mentionedElsewhere, importedModules.has(key)) });
    });
    // Statements after an unconditional jump: dead wherever their function is called, known from the file alone.
    for (const [start, end] of facts.get(file)!.deadCode ?? []) dead.push({ start, end, reason: 'the statement comes after an unconditional return, throw, break or continue of its block, so it never runs' });
    if (dead.length) result.set(file, dead);
  }
  return result;
}

function reasonFor(entity: ReachEntity, usedByDeadCode: boolean, moduleImported: boolean): string {
  const what = entity.kind === 'class' ? 'class' : entity.member ? 'method' : entity.kind === 'method' ? 'private method' : 'function';
  const name = `\`${maskCode(entity.name)}\``;
  if (usedByDeadCode) return `${what} ${name} is only used by code that never runs`;
  if (entity.exported && moduleImported) return `${what} ${name} is exported but no module of the workspace imports it`;
  return `${what} ${name} is never used`;
}

/**
 * Findings of production and script code inside an unreachable entity get the `unreachable` role and its
 * reason. Dead entities do not overlap (only the outermost is listed), so a sorted search finds the one.
 */
export function markUnreachable(findings: Finding[], deadByFile: ReadonlyMap<string, UnreachableEntity[]>): number {
  let marked = 0;
  for (const finding of findings) {
    if (finding.role !== undefined && finding.role !== 'production' && finding.role !== 'script') continue;
    const dead = deadByFile.get(finding.file);
    if (!dead) continue;
    const offset = finding.range.startOffset;
    const entity = dead.find((candidate) => candidate.start <= offset && offset < candidate.end);
    if (!entity) continue;
    finding.role = 'unreachable';
    finding.roleReason = entity.reason;
    marked++;
  }
  return marked;
}

// ── parameters no caller fills ───────────────────────────────────────────────────────────────

/**
 * Findings whose only evidence is the name of a function's parameter (`?q=${searchQuery}`) when every
 * call of that function is known and none passes it a value: absent, `undefined`, a literal, or a name
 * bound to one for good (`const [q] = useState('')` with no setter). They get the `unreachable` role:
 * the flagged flow exists in the code but never carries what its name suggests, like code that never runs.
 * Every call is known when the function's name is used only to call it (not passed as a callback, put
 * in an object, rendered as JSX), in its own file and, for an export, in every module importing it by
 * name (a namespace, dynamic or re-exporting import of its module, or a module nobody imports, keeps it).
 * Tests' calls are not the product's: what a test passes or mocks does not count.
 */
export function markUnfilledParameters(findings: Finding[], facts: ReadonlyMap<string, ReachFacts>, textOf: (file: string) => string | undefined, options: ReachOptions): number {
  const candidates = findings.filter((finding) => (finding.role === undefined || finding.role === 'production' || finding.role === 'script') && facts.get(finding.file)?.entities.some((entity) => entity.params?.length));
  if (candidates.length === 0) return 0;
  const { files, targetsOf } = moduleGraph(facts);
  // Module key → the bindings other files import from it.
  const importsOf = new Map<string, Array<{ file: string; imported: string; local?: string; reexported?: string }>>();
  for (const file of files) {
    for (const item of facts.get(file)!.imports) {
      for (const key of targetsOf(file, item.specifier)) {
        if (key === reachModuleKey(file)) continue;
        pushTo(importsOf, key, { file, ...item });
      }
    }
  }
  let marked = 0;
  for (const finding of candidates) {
    const fileFacts = facts.get(finding.file)!;
    const text = textOf(finding.file);
    if (text === undefined) continue;
    const name = text.slice(finding.range.startOffset, finding.range.endOffset);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    const owner = parameterOwner(fileFacts, finding.range.startOffset, name);
    if (!owner) continue;
    const { entity, index, param } = owner;
    // Bound again inside the function (a callback's parameter, a variable): perhaps not the parameter at all.
    const bindings = fileFacts.rebound?.[name] ?? [];
    if (bindings.some((position) => position < 0 || (position !== param.start && position >= entity.start && position < entity.end))) continue;
    // The evidence is the name alone: no origin other than the parameter itself.
    if (finding.related.some((location) => location.file !== finding.file || (location.range.startOffset !== param.start && text.slice(location.range.startOffset, location.range.endOffset) !== name))) continue;
    const calls = knownCalls(finding.file, entity);
    if (!calls || calls.length === 0) continue;
    if (!calls.every((signature) => argumentIsEmpty(signature, index))) continue;
    finding.role = 'unreachable';
    finding.roleReason = `parameter \`${maskCode(name)}\` of \`${maskCode(entity.name)}\` is never given a value by its ${calls.length === 1 ? 'one call' : `${calls.length} calls`}`;
    marked++;
  }
  return marked;

  /** Every call of the function, or undefined when some may be unseen. */
  function knownCalls(file: string, entity: ReachEntity): string[] | undefined {
    if (entity.pinned || entity.name === 'default') return undefined;
    const own = facts.get(file)!.calls?.[entity.name];
    if (own && own.mentions > own.calls.length) return undefined;
    const calls = [...(own?.calls ?? [])];
    if (!entity.exported) return calls;
    if (!options.complete || entity.parent !== -1) return undefined;
    const importers = importsOf.get(reachModuleKey(file)) ?? [];
    if (importers.length === 0) return undefined;
    for (const binding of importers) {
      if (options.testFiles?.has(binding.file)) continue;
      if (binding.imported === '*') return undefined;
      if (!entity.exported.includes(binding.imported)) continue;
      if (binding.reexported !== undefined || binding.local === undefined) return undefined;
      const theirs = facts.get(binding.file)!.calls?.[binding.local];
      if (!theirs) continue;
      if (theirs.mentions > theirs.calls.length) return undefined;
      calls.push(...theirs.calls);
    }
    return calls;
  }
}

/** The innermost function around `offset` with a parameter of that name, and the parameter. */
function parameterOwner(facts: ReachFacts, offset: number, name: string): { entity: ReachEntity; index: number; param: { name: string; start: number; end: number } } | undefined {
  let best: { entity: ReachEntity; index: number; param: { name: string; start: number; end: number } } | undefined;
  for (const entity of facts.entities) {
    if (entity.kind !== 'function' || offset < entity.start || offset >= entity.end) continue;
    const index = entity.params?.findIndex((param) => param?.name === name) ?? -1;
    if (index < 0) continue;
    if (!best || entity.start >= best.entity.start) best = { entity, index, param: entity.params![index]! };
  }
  // An inner function between them could declare the same name; a parameter flagged at its own declaration is no use.
  if (best && offset === best.param.start) return undefined;
  return best;
}

function argumentIsEmpty(signature: string, index: number): boolean {
  const spread = signature.indexOf('*');
  if (spread >= 0 && spread <= index) return false;
  return index >= signature.length || signature[index] === 'e';
}
