// Angular reactive forms: a form group holds what its controls hold. The controls a file gives a form (the keys of
// `this.fb.group({ … })` / `new FormGroup({ … })` assigned to it, the names it reads and sets through
// `form.controls['x']`, `form.get('x')`, `form.setControl('x', …)`, `form.patchValue({ x })`) say what the form's
// `.value` is, whatever the form is called (`leaderContactsForm` of patient phone numbers, `generalFindingsForm`
// of chief complaints). One walk per file, cached on its Program node.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { keyName } from '../rule-api/ast';
import { pushChildNodes } from './syntax';

type Node = TSESTree.Node;

const FORM_GROUP_CLASSES = new Set(['FormGroup', 'UntypedFormGroup']);
/** Methods of a FormGroup naming one control by its first argument. */
const CONTROL_NAMING_METHODS = new Set(['get', 'setControl', 'addControl', 'registerControl', 'removeControl', 'contains']);
/** Methods of a FormGroup taking an object keyed by control names. */
const CONTROL_OBJECT_METHODS = new Set(['patchValue', 'setValue', 'reset']);

const controlsOfProgram = new WeakMap<Node, Map<string, Set<string>>>();

/** `this.form` → `form`, `form` → `form`; anything else (a call's result, an element of an array) names no form. */
function formName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'ThisExpression' && node.property.type === 'Identifier') return node.property.name;
  if (node.type === 'TSAsExpression' || node.type === 'TSTypeAssertion' || node.type === 'TSNonNullExpression') return formName(node.expression);
  return undefined;
}

/** `this.fb.group({ … })`, `formBuilder.group({ … })`, `new FormGroup({ … })`: the object literal of controls. */
function builtControls(node: Node | null | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && FORM_GROUP_CLASSES.has(node.callee.name)) {
    return node.arguments[0]?.type === 'ObjectExpression' ? node.arguments[0] : undefined;
  }
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && node.callee.property.name === 'group') {
    return node.arguments[0]?.type === 'ObjectExpression' ? node.arguments[0] : undefined;
  }
  return undefined;
}

function keysOf(object: TSESTree.ObjectExpression): string[] {
  return object.properties.flatMap((property) => (property.type === 'Property' && !property.computed ? [keyName(property.key)].filter((key): key is string => !!key) : []));
}

function declaresFormGroup(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && FORM_GROUP_CLASSES.has(type.typeName.name);
}

/**
 * The control names of each form group of a file, by the name holding it (a class field or a variable). A name
 * counts as a form group when the file builds one into it, declares it a `FormGroup`, or names it a form
 * (`…Form`); only then do its `.get('x')` calls name controls (a Map's `get` names none).
 */
export function angularFormControlsOf(program: Node): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = controlsOfProgram.get(program);
  if (cached) return cached;
  const controls = new Map<string, Set<string>>();
  const named = new Map<string, Set<string>>();
  const forms = new Set<string>();
  const add = (target: Map<string, Set<string>>, name: string, keys: readonly string[]) => {
    if (!keys.length) return;
    let set = target.get(name);
    if (!set) target.set(name, (set = new Set()));
    keys.forEach((key) => set!.add(key));
  };
  const stack: Node[] = [program];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'AssignmentExpression') {
      const built = builtControls(node.right);
      const name = formName(node.left);
      if (built && name) { forms.add(name); add(controls, name, keysOf(built)); }
    } else if (node.type === 'PropertyDefinition' || node.type === 'VariableDeclarator') {
      const key = node.type === 'PropertyDefinition' ? (!node.computed ? keyName(node.key) : undefined) : node.id.type === 'Identifier' ? node.id.name : undefined;
      const built = builtControls(node.type === 'PropertyDefinition' ? node.value : node.init);
      const annotation = node.type === 'PropertyDefinition' ? node.typeAnnotation : node.id.type === 'Identifier' ? node.id.typeAnnotation : undefined;
      if (key && (built || declaresFormGroup(annotation))) forms.add(key);
      if (key && built) add(controls, key, keysOf(built));
    } else if (node.type === 'MemberExpression' && node.object.type === 'MemberExpression' && !node.object.computed && node.object.property.type === 'Identifier' && node.object.property.name === 'controls') {
      // `form.controls['complaints']`, `form.controls.complaints`
      const name = formName(node.object.object);
      const key = node.computed ? (node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined) : node.property.type === 'Identifier' ? node.property.name : undefined;
      if (name && key) { forms.add(name); add(controls, name, [key]); }
    } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier') {
      const method = node.callee.property.name;
      const name = formName(node.callee.object);
      const first = node.arguments[0];
      if (name && CONTROL_NAMING_METHODS.has(method) && first?.type === 'Literal' && typeof first.value === 'string') add(named, name, [first.value.split('.')[0]]);
      else if (name && CONTROL_OBJECT_METHODS.has(method) && first?.type === 'ObjectExpression') add(named, name, keysOf(first));
    }
    pushChildNodes(node, stack);
  }
  for (const [name, keys] of named) {
    if (forms.has(name) || /Forms?$/.test(name)) add(controls, name, [...keys]);
  }
  controlsOfProgram.set(program, controls);
  return controls;
}
