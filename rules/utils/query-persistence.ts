// TanStack Query's persisters, read for the storage rule. A persisted query client writes its whole cache —
// every response the app fetched, patient records included — to the persister's storage, and restores it on
// the next start: `<PersistQueryClientProvider persistOptions={{ persister }}>`, `persistQueryClient({
// persister })`, with `createSyncStoragePersister({ storage: localStorage })`, `createAsyncStoragePersister`,
// `experimental_createQueryPersister` (every query persisted one by one), or a hand-written `Persister`
// whose `persistClient(client)` writes the dehydrated client itself.
import { splitWords, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { childNodes, jsxName, propertyNamed, returnedExpression, unwrap, type Node } from './ast';
import { storageOf } from './persisted-state';

export const QUERY_PERSIST_MODULES = /^(@tanstack\/([a-z]+-)?query-persist-client(-core)?|@tanstack\/query-(sync|async)-storage-persister|react-query\/(persistQueryClient|createWebStoragePersister|createAsyncStoragePersister).*)$/;

/** Persister factories and the storage they use when the options name none. */
const PERSISTER_FACTORIES: Record<string, string> = {
  createSyncStoragePersister: 'localStorage',
  createWebStoragePersister: 'localStorage',
  createAsyncStoragePersister: 'a custom storage',
  experimental_createQueryPersister: 'a custom storage',
  experimental_createPersister: 'a custom storage',
};
const PERSIST_CALLS = new Set(['persistQueryClient', 'persistQueryClientSubscribe', 'persistQueryClientSave']);
const PROVIDERS = new Set(['PersistQueryClientProvider']);
/** Methods of a storage object, and idb-keyval-style functions, that write a value under a key. */
const WRITES = new Set(['setItem', 'set', 'put', 'setMany']);

/** The cache is persisted whole unless a filter picks queries by key (a filter on status or meta still keeps every fetched record). */
const SELECTS_BY_KEY = /\b(queryKey|queryHash)\b/;
const ENCRYPTS = /encrypt|cipher|seal/i;

export interface PersistedCache {
  /** Where to report: the write of a hand-written persister, else the persister's creation. */
  node: Node;
  storage: string;
  library: string;
  taint: Taint;
}

/**
 * Every query-cache persistence in the file that keeps the whole cache unencrypted. Call once per file that
 * imports one of QUERY_PERSIST_MODULES; it walks the file once.
 */
export function persistedQueryCaches(context: RuleContext, program: TSESTree.Program): PersistedCache[] {
  const imported = (name: string): string | undefined => {
    const source = context.importedFrom(name);
    return source && QUERY_PERSIST_MODULES.test(source.module) ? source.imported : undefined;
  };
  const bindings = new Map<string, Node>();
  const functions = new Map<string, TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression>();
  const persisterUses: Array<{ persister: Node | undefined; options: TSESTree.ObjectExpression }> = [];
  const factoryCalls: TSESTree.CallExpression[] = [];

  const walk = (node: Node) => {
    switch (node.type) {
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier' && node.init) {
          bindings.set(node.id.name, node.init);
          if (node.init.type === 'ArrowFunctionExpression' || node.init.type === 'FunctionExpression') functions.set(node.id.name, node.init);
        }
        break;
      case 'FunctionDeclaration':
        if (node.id) functions.set(node.id.name, node);
        break;
      case 'CallExpression':
        if (node.callee.type === 'Identifier') {
          const name = imported(node.callee.name);
          if (name && PERSIST_CALLS.has(name) && node.arguments[0]?.type === 'ObjectExpression') {
            persisterUses.push({ persister: propertyNamed(node.arguments[0], 'persister')?.value as Node | undefined, options: node.arguments[0] });
          }
          if (name && PERSISTER_FACTORIES[name]) factoryCalls.push(node);
        }
        break;
      case 'JSXOpeningElement': {
        const name = jsxName(node.name);
        if (name && PROVIDERS.has(name) && imported(name)) {
          for (const attribute of node.attributes) {
            if (attribute.type !== 'JSXAttribute' || attribute.name.name !== 'persistOptions') continue;
            const value = attribute.value?.type === 'JSXExpressionContainer' ? (attribute.value.expression as Node) : undefined;
            const options = value?.type === 'Identifier' ? bindings.get(value.name) : value;
            if (options?.type === 'ObjectExpression') persisterUses.push({ persister: propertyNamed(options, 'persister')?.value as Node | undefined, options });
          }
        }
        break;
      }
    }
    for (const child of childNodes(node)) walk(child);
  };
  walk(program);

  const found: PersistedCache[] = [];
  const taint: Taint = { kinds: ['patient-record'], origins: [], confidence: 'medium' };
  const reported = new Set<Node>();
  const add = (node: Node, storage: string, library: string) => {
    if (reported.has(node)) return;
    reported.add(node);
    found.push({ node, storage, library, taint });
  };

  const fromFactory = (call: TSESTree.CallExpression) => {
    const name = call.callee.type === 'Identifier' ? imported(call.callee.name) : undefined;
    if (!name) return;
    const options = call.arguments[0]?.type === 'ObjectExpression' ? call.arguments[0] : undefined;
    const serialize = options ? propertyNamed(options, 'serialize')?.value : undefined;
    if (serialize && ENCRYPTS.test(context.getText(serialize))) return;
    const storage = storageOf(context, options ? (propertyNamed(options, 'storage')?.value as Node | undefined) : undefined, PERSISTER_FACTORIES[name]);
    if (storage) add(call, storage, `TanStack Query's ${name}`);
  };

  for (const use of persisterUses) {
    const dehydrate = propertyNamed(use.options, 'dehydrateOptions')?.value;
    const filter = dehydrate?.type === 'ObjectExpression' ? propertyNamed(dehydrate, 'shouldDehydrateQuery')?.value : undefined;
    if (filter && SELECTS_BY_KEY.test(context.getText(filter))) continue;
    let persister = use.persister;
    for (let depth = 0; persister?.type === 'Identifier' && depth < 3; depth++) {
      const bound = bindings.get(persister.name);
      persister = bound && unwrap(bound);
    }
    if (!persister) continue;
    if (persister.type === 'CallExpression' && persister.callee.type === 'Identifier') {
      if (imported(persister.callee.name)) {
        fromFactory(persister);
        continue;
      }
      const fn = functions.get(persister.callee.name);
      const returned = fn ? returnedObject(fn) : undefined;
      const write = returned ? clientWrites(context, returned)[0] : undefined;
      if (write) add(write.node, write.storage, 'a hand-written TanStack Query persister');
      continue;
    }
    // One finding per persister: its first write of the cache (a second write of the same cache adds nothing to fix).
    const write = persister.type === 'ObjectExpression' ? clientWrites(context, persister)[0] : undefined;
    if (write) add(write.node, write.storage, 'a hand-written TanStack Query persister');
  }
  // experimental_createQueryPersister: every query it is given persists one by one, wherever it is used.
  for (const call of factoryCalls) {
    const name = call.callee.type === 'Identifier' ? imported(call.callee.name) : undefined;
    if (name?.startsWith('experimental_')) fromFactory(call);
  }
  return found;
}

function returnedObject(fn: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): TSESTree.ObjectExpression | undefined {
  const returned = returnedExpression(fn, { last: true });
  const body = returned && unwrap(returned);
  return body?.type === 'ObjectExpression' ? body : undefined;
}


/**
 * The writes in a persister's `persistClient(client)` that store the client, or an object built from it
 * (`{ ...client, clientState: { … } }`): the dehydrated cache.
 */
function clientWrites(context: RuleContext, persister: TSESTree.ObjectExpression): Array<{ node: Node; storage: string }> {
  const method = propertyNamed(persister, 'persistClient')?.value as Node | undefined;
  if (!method || (method.type !== 'ArrowFunctionExpression' && method.type !== 'FunctionExpression')) return [];
  const param = method.params[0];
  if (param?.type !== 'Identifier') return [];
  const carriers = new Set([param.name]);
  const writes: Array<{ node: Node; storage: string }> = [];
  const mentionsCarrier = (node: Node): boolean => node.type === 'Identifier' ? carriers.has(node.name) : childNodes(node).some(mentionsCarrier);
  const visit = (node: Node) => {
    if (node.type === 'VariableDeclarator' && node.init && mentionsCarrier(node.init)) {
      if (node.id.type === 'Identifier') carriers.add(node.id.name);
      else if (node.id.type === 'ArrayPattern') for (const element of node.id.elements) if (element?.type === 'Identifier') carriers.add(element.name);
    }
    if (node.type === 'CallExpression' && node.arguments.length >= 2) {
      const value = node.arguments[1] as Node;
      const callee = node.callee;
      const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : callee.type === 'Identifier' ? callee.name : undefined;
      if (method && WRITES.has(method) && value.type !== 'SpreadElement' && mentionsCarrier(value) && !ENCRYPTS.test(context.getText(value))) {
        const target = callee.type === 'MemberExpression' ? (callee.object as Node) : callee;
        const source = target.type === 'Identifier' ? context.importedFrom(target.name) : undefined;
        const storage = source?.module === 'idb-keyval' ? 'IndexedDB (idb-keyval)' : storageOf(context, target, 'the app\'s storage module');
        if (storage) writes.push({ node: value, storage: storage === 'a custom storage' ? storageName(target, context) : storage });
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(method.body as Node);
  return writes;
}

/** `storage` imported from the app's own module: name it by its module so the reader can find it. */
function storageName(target: Node, context: RuleContext): string {
  if (target.type !== 'Identifier') return 'the app\'s storage module';
  const source = context.importedFrom(target.name);
  const words = source ? [...splitWords(source.module)] : [];
  return source && !words.includes('encrypt') ? `\`${target.name}\` from ${source.module}` : 'the app\'s storage module';
}
