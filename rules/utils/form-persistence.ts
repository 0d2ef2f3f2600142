// Form drafts persisted by a library: formik-persist's `<Persist>` and formik-persist-values'
// `<PersistFormikValues>` write the enclosing Formik form's values to web storage on every change, and
// react-hook-form-persist's `useFormPersist(key, { watch, setValue })` does the same for react-hook-form.
// What they write is the whole form: its PHI is what the form's fields are, read from the same file —
// formik's `mapPropsToValues`/`initialValues`, react-hook-form's `defaultValues` and `useForm<T>()`,
// and the names of its `<Field>`s and `register(…)` calls.
import { splitWords, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { childNodes, isStringLiteral, jsxName, parentOf, propertyKey, type Node } from './ast';
import { keptNames } from './persisted-state';

interface PersistenceLibrary {
  /** Where it writes when no option says otherwise. */
  defaultStorage: 'localStorage' | 'sessionStorage';
  /** Where an option moves it: the prop/option that selects the other storage. */
  otherStorage(options: { attribute(name: string): Node | null | undefined; text: string }): 'localStorage' | 'sessionStorage' | undefined;
}

const COMPONENTS: Record<string, { imported: string; library: PersistenceLibrary }> = {
  'formik-persist': {
    imported: 'Persist',
    library: { defaultStorage: 'localStorage', otherStorage: (o) => (o.attribute('isSessionStorage') !== undefined ? 'sessionStorage' : undefined) },
  },
  'formik-persist-values': {
    imported: 'PersistFormikValues',
    library: { defaultStorage: 'localStorage', otherStorage: (o) => (/sessionStorage/.test(o.text) ? 'sessionStorage' : undefined) },
  },
};

const HOOK_MODULE = 'react-hook-form-persist';

/** Properties and attributes whose object lists a form's fields. */
const FORM_VALUE_KEYS = new Set(['mapPropsToValues', 'initialValues', 'defaultValues']);
/** Field components whose `name` attribute is a form field. */
const FIELD_COMPONENTS = new Set(['Field', 'FastField', 'FieldArray', 'Controller']);
/** Calls that declare a form and may carry its values' type (`useForm<PatientForm>()`). */
const FORM_HOOKS = new Set(['useForm', 'useFormik', 'useFormikContext', 'useFormContext']);

/**
 * Where the persisted form's fields are declared: the enclosing `<Formik>` element when there is one (its
 * `initialValues` and `<Field>`s), for a hook the component calling it, else the whole file (a `withFormik`
 * HOC declares `mapPropsToValues` outside the component that renders the persister).
 */
function formScopeOf(node: Node, hook: boolean): Node {
  let current = node;
  for (let parent = parentOf(current); parent; parent = parentOf(current)) {
    if (!hook && parent.type === 'JSXElement' && jsxName(parent.openingElement.name) === 'Formik') return parent;
    if (hook && /Function/.test(parent.type)) return parent;
    current = parent;
  }
  return current;
}

function attributeValue(element: TSESTree.JSXOpeningElement, name: string): Node | null | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || attribute.name.name !== name) continue;
    if (!attribute.value) return null;
    return attribute.value.type === 'JSXExpressionContainer' ? (attribute.value.expression.type === 'JSXEmptyExpression' ? null : (attribute.value.expression as Node)) : (attribute.value as Node);
  }
  return undefined;
}

/**
 * The PHI of the form(s) declared in a file: the kinds the names of its fields suggest, and the type-driven
 * taint of its form hooks. Medium confidence: the fields are read from the file, not from the form itself.
 */
function formValuesTaint(context: RuleContext, program: Node): Taint {
  const names = new Set<string>();
  let typed: Taint | undefined;
  const stack: Node[] = [program];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'Property' && FORM_VALUE_KEYS.has(propertyKey(node) ?? '')) keptNames(node.value as Node).forEach((kept) => names.add(kept.name));
    else if (node.type === 'JSXAttribute' && node.name.type === 'JSXIdentifier' && FORM_VALUE_KEYS.has(node.name.name) && node.value?.type === 'JSXExpressionContainer') {
      keptNames(node.value.expression as Node).forEach((kept) => names.add(kept.name));
    } else if (node.type === 'JSXOpeningElement' && FIELD_COMPONENTS.has(jsxName(node.name) ?? '')) {
      const fieldName = attributeValue(node, 'name');
      if (isStringLiteral(fieldName)) names.add(fieldName.value);
    } else if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'Identifier' ? node.callee.name : node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' ? node.callee.property.name : undefined;
      if (callee === 'register' && isStringLiteral(node.arguments[0])) names.add(node.arguments[0].value);
      if (callee && FORM_HOOKS.has(callee)) {
        const taint = context.taintOf(node);
        if (taint.kinds.length) typed = typed ? { ...typed, kinds: [...new Set([...typed.kinds, ...taint.kinds])] } : taint;
      }
    }
    stack.push(...childNodes(node));
  }
  const kinds = new Set(typed?.kinds ?? []);
  for (const name of names) {
    // `phoneNumber.number`, `contact[0].email`: the first segment names the field
    const head = name.split(/[.[]/)[0];
    for (const kind of context.classifyName([...splitWords(head)].join('_'))) kinds.add(kind);
  }
  return { kinds: [...kinds].sort(), origins: typed?.origins ?? [], confidence: 'medium' };
}

export interface PersistedForm {
  node: Node;
  taint: Taint;
  storage: 'localStorage' | 'sessionStorage';
  library: string;
}

/** `<PersistFormikValues name="draft" />` (formik-persist-values) or `<Persist name="draft" />` (formik-persist). */
export function persistedFormikForm(context: RuleContext, element: TSESTree.JSXOpeningElement): PersistedForm | undefined {
  if (element.name.type !== 'JSXIdentifier') return undefined;
  const source = context.importedFrom(element.name.name);
  const component = source ? COMPONENTS[source.module] : undefined;
  if (!source || !component || source.imported !== component.imported) return undefined;
  const storage = component.library.otherStorage({ attribute: (name) => attributeValue(element, name), text: context.getText(element) }) ?? component.library.defaultStorage;
  return { node: element.name, taint: formValuesTaint(context, formScopeOf(element, false)), storage, library: source.module };
}

/** `useFormPersist('draft', { watch, setValue, storage: window.localStorage })` (react-hook-form-persist; sessionStorage by default). */
export function persistedHookForm(context: RuleContext, call: TSESTree.CallExpression): PersistedForm | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const source = context.importedFrom(call.callee.name);
  if (source?.module !== HOOK_MODULE) return undefined;
  const options = call.arguments[1] as Node | undefined;
  const storage = options && /\blocalStorage\b/.test(context.getText(options)) ? 'localStorage' : 'sessionStorage';
  return { node: call.callee, taint: formValuesTaint(context, formScopeOf(call, true)), storage, library: HOOK_MODULE };
}
