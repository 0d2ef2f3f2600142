// Persisted state containers, read for the storage rule: zustand's `persist` middleware and redux-persist's
// `persistReducer`. What they persist is the store's state: its type (`create<PatientState>()`), its initial
// object, or the slices a partialize/whitelist keeps; where they persist it is their storage option.
import { ENCRYPTED_STORAGE_NAME, REDUX_PERSIST_STORAGES, splitWords, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { isStringLiteral, lastSegment, propertyName, propertyNamed, returnedExpression, type Node } from './ast';

const EMPTY_TAINT: Taint = { kinds: [], origins: [], confidence: 'high' };

function joinTaints(a: Taint, b: Taint): Taint {
  if (b.kinds.length === 0) return a;
  if (a.kinds.length === 0) return b;
  return { kinds: [...new Set([...a.kinds, ...b.kinds])].sort(), origins: [...a.origins, ...b.origins].slice(0, 3), confidence: a.confidence === 'high' || b.confidence === 'high' ? 'high' : 'medium' };
}

function kindsTaint(context: RuleContext, name: string): Taint {
  const words = [...splitWords(name)];
  // `patientsReducer`, `encounterSlice`: the slice is named for what it holds
  while (words.length > 1 && /^(reducer|slice|store|state|reducers)$/.test(words[words.length - 1])) words.pop();
  const kinds = context.classifyName(words.join('_'));
  return kinds.length ? { kinds, origins: [], confidence: 'medium' } : EMPTY_TAINT;
}

/** Names of the fields an object literal or a `(state) => ({ … })` function keeps. */
export function keptNames(node: Node | undefined): Array<{ name: string; node: Node }> {
  if (!node) return [];
  let body: Node = node;
  if (body.type === 'ArrowFunctionExpression' || body.type === 'FunctionExpression') {
    const returned = returnedExpression(body);
    if (!returned) return [];
    body = returned;
  }
  if (body.type === 'ObjectExpression') {
    const names: Array<{ name: string; node: Node }> = [];
    for (const property of body.properties) {
      if (property.type === 'Property' && !property.computed) {
        const name = property.key.type === 'Identifier' ? property.key.name : isStringLiteral(property.key) ? property.key.value : undefined;
        if (name) names.push({ name, node: property.key });
      }
    }
    return names;
  }
  if (body.type === 'ArrayExpression') {
    return body.elements.flatMap((element) => (element && isStringLiteral(element) ? [{ name: element.value, node: element as Node }] : []));
  }
  return [];
}

/** Where a persisted store writes: `createJSONStorage(() => sessionStorage)`, `storage: AsyncStorage`; undefined when it encrypts. */
export function storageOf(context: RuleContext, storage: Node | undefined, fallback: string): string | undefined {
  if (!storage) return fallback;
  const text = context.getText(storage);
  if (ENCRYPTED_STORAGE_NAME.test(text)) return undefined;
  const web = /\b(localStorage|sessionStorage|indexedDB|AsyncStorage|localforage|localForage)\b/.exec(text);
  if (web) return web[1];
  if (storage.type === 'Identifier') {
    const source = context.importedFrom(storage.name);
    if (source && REDUX_PERSIST_STORAGES[source.module]) return REDUX_PERSIST_STORAGES[source.module];
    if (source && ENCRYPTED_STORAGE_NAME.test(source.module)) return undefined;
  }
  return 'a custom storage';
}

/**
 * zustand: `create<PatientState>()(persist((set) => ({ … }), { name, storage, partialize }))`. The state's
 * PHI: the type argument of `create`, the initializer's object, or what `partialize` keeps.
 */
export function zustandPersisted(context: RuleContext, node: TSESTree.CallExpression): { taint: Taint; storage: string } | undefined {
  const [initializer, options] = node.arguments as Node[];
  const optionsObject = options?.type === 'ObjectExpression' ? options : undefined;
  const storageNode = optionsObject ? ((propertyNamed(optionsObject, 'storage') ?? propertyNamed(optionsObject, 'getStorage'))?.value as Node | undefined) : undefined;
  const storage = storageOf(context, storageNode, 'localStorage');
  if (!storage) return undefined;
  const partialize = optionsObject ? (propertyNamed(optionsObject, 'partialize')?.value as Node | undefined) : undefined;
  if (partialize) {
    let taint = EMPTY_TAINT;
    for (const kept of keptNames(partialize)) taint = joinTaints(taint, kindsTaint(context, kept.name));
    return { taint, storage };
  }
  let taint = EMPTY_TAINT;
  // create<State>()(persist(…)): the store's declared state
  const outer = context.parentOf(node);
  if (outer?.type === 'CallExpression' && outer.callee.type === 'CallExpression' && outer.arguments[0] === node) taint = joinTaints(taint, context.taintOf(outer.callee));
  if (initializer && (initializer.type === 'ArrowFunctionExpression' || initializer.type === 'FunctionExpression')) {
    const body = initializer.body.type === 'BlockStatement' ? undefined : initializer.body;
    if (body) taint = joinTaints(taint, context.taintOf(body));
    for (const kept of keptNames(initializer)) taint = joinTaints(taint, kindsTaint(context, kept.name));
  }
  return { taint, storage };
}

/**
 * redux-persist: `persistReducer({ key, storage, whitelist: ['patients'] }, rootReducer)`. The persisted slices
 * are the whitelist's, else the combined reducer's keys (`combineReducers({ patients, encounters })`).
 */
export function reduxPersisted(context: RuleContext, node: TSESTree.CallExpression, resolveObject: (node: Node | undefined) => Node | undefined, resolveReducer: (node: Node | undefined) => Node | undefined = resolveObject): { taint: Taint; storage: string } | undefined {
  const config = resolveObject(node.arguments[0] as Node | undefined);
  const configObject = config?.type === 'ObjectExpression' ? config : undefined;
  if (configObject) {
    const transforms = propertyNamed(configObject, 'transforms')?.value as Node | undefined;
    if (transforms && ENCRYPTED_STORAGE_NAME.test(context.getText(transforms))) return undefined;
  }
  const storageNode = configObject ? (propertyNamed(configObject, 'storage')?.value as Node | undefined) : undefined;
  const storage = storageOf(context, storageNode, 'browser storage');
  if (!storage) return undefined;
  const whitelist = configObject ? (propertyNamed(configObject, 'whitelist')?.value as Node | undefined) : undefined;
  const blacklist = new Set(keptNames(configObject ? (propertyNamed(configObject, 'blacklist')?.value as Node | undefined) : undefined).map((kept) => kept.name));
  // an imported reducer resolves to no local value: it is itself the one slice
  const reducer = resolveReducer(node.arguments[1] as Node | undefined) ?? (node.arguments[1] as Node | undefined);
  const combined = combinedReducers(reducer, resolveObject);
  // the reducer each slice key names: `combineReducers({ identity: identityReducer })` → identityReducer
  const reducerOf = new Map<string, Node>();
  for (const property of combined?.type === 'ObjectExpression' ? combined.properties : []) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : isStringLiteral(property.key) ? property.key.value : undefined;
    if (key) reducerOf.set(key, property.value as Node);
  }
  let slices = keptNames(resolveObject(whitelist));
  if (slices.length === 0) {
    if (combined) slices = keptNames(combined);
    else if (reducer && (reducer.type === 'Identifier' || reducer.type === 'MemberExpression')) {
      const name = lastSegment(reducer) ?? propertyName(reducer as TSESTree.MemberExpression);
      if (name) {
        slices = [{ name, node: reducer }];
        reducerOf.set(name, reducer);
      }
    }
  }
  let taint = EMPTY_TAINT;
  for (const slice of slices) {
    if (blacklist.has(slice.name)) continue;
    taint = joinTaints(taint, kindsTaint(context, slice.name));
    taint = joinTaints(taint, declaredStateTaint(context, reducerOf.get(slice.name)));
  }
  return { taint, storage };
}

/**
 * The root reducer's slices: `combineReducers({ … })` itself, or the one a root reducer function builds and
 * delegates to (`(state, action) => { const reducer = combineReducers({ … }); return reducer(state, action); }`).
 */
function combinedReducers(reducer: Node | undefined, resolveObject: (node: Node | undefined) => Node | undefined): Node | undefined {
  if (reducer?.type === 'CallExpression' && lastSegment(reducer.callee) === 'combineReducers') return resolveObject(reducer.arguments[0] as Node | undefined);
  if (reducer?.type !== 'ArrowFunctionExpression' && reducer?.type !== 'FunctionExpression' && reducer?.type !== 'FunctionDeclaration') return undefined;
  if (reducer.body.type !== 'BlockStatement') return undefined;
  for (const statement of reducer.body.body) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init as Node | null;
      if (init?.type === 'CallExpression' && lastSegment(init.callee) === 'combineReducers') return resolveObject(init.arguments[0] as Node | undefined);
    }
  }
  return undefined;
}

/**
 * What a slice's reducer holds by its declared state: an imported Redux Toolkit slice whose `initialState` is typed
 * `ExploredCohortState { includedPatients: Patient[] }`, a reducer function whose `state` parameter is typed. The
 * slice's key may say nothing (`exploredCohort`, `identity`); the type its module declares says what is persisted.
 */
function declaredStateTaint(context: RuleContext, reducer: Node | undefined): Taint {
  if (reducer?.type !== 'Identifier' || !context.importedReducerState) return EMPTY_TAINT;
  const state = context.importedReducerState(reducer.name);
  if (!state || state.kinds.length === 0 || !state.record) return EMPTY_TAINT;
  return { kinds: [...state.kinds].sort(), origins: [], confidence: 'high' };
}
