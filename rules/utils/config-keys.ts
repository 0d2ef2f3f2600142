// Helpers for the config rules: which environment a config file or section is for, the words of a key,
// the context (path, sibling keys, enclosing calls) an option is set in, and on/off values in code and JSON.
import type { JsonNode, JsonPropertyInfo, RuleContext, TSESTree } from '../../server/src/rule-api';
import { dottedName, keyName, lastSegment, parentOf, splitWords, type Node } from './ast';

/**
 * Words of a key or path, lower case, with a lone letter joined to the number after it (`s3Bucket` →
 * s3, bucket; `ec2Volume` → ec2, volume) and dotted keys split (`log.level` → log, level).
 */
export function keyWords(name: string): readonly string[] {
  // Asked for every property key by several config rules and for every call's names: a function of the name alone, split once.
  const known = keyWordsCache.get(name);
  if (known) return known;
  const words = splitWords(name);
  const merged: string[] = [];
  for (const word of words) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && /^\d+$/.test(word) && /^[a-z]{1,3}$/.test(previous)) merged[merged.length - 1] = previous + word;
    else merged.push(word);
  }
  if (keyWordsCache.size >= KEY_WORDS_CACHE_LIMIT) keyWordsCache.clear();
  keyWordsCache.set(name, merged);
  return merged;
}
const keyWordsCache = new Map<string, readonly string[]>();
const KEY_WORDS_CACHE_LIMIT = 50_000;

/** Whether any of the names has one of the words (as `keyWords` splits it): `auditLogConfig` has `log`. */
export function namesHaveWord(names: readonly string[], words: ReadonlySet<string>): boolean {
  return names.some((name) => keyWords(name).some((word) => words.has(word)));
}

// ── environments ─────────────────────────────────────────────────────────────────────────────

export type Environment = 'production' | 'other';

const PRODUCTION_WORDS = new Set(['production', 'prod', 'prd']);
const OTHER_ENV_WORDS = new Set(['development', 'dev', 'develop', 'test', 'tests', 'testing', 'local', 'staging', 'stage', 'qa', 'ci', 'sandbox', 'demo', 'e2e', 'uat']);
/** Words around an environment name in a section key: `env_production`, `productionConfig`. */
const ENV_SECTION_NOISE = new Set(['env', 'envs', 'environment', 'environments', 'config', 'configs', 'configuration', 'settings', 'profile', 'profiles', 'overrides']);

/** The environment a section key names (`production`, `env_production`, `development`), if it names one. */
export function environmentOfKey(key: string): Environment | undefined {
  const words = keyWords(key).filter((word) => !ENV_SECTION_NOISE.has(word));
  if (words.length !== 1) return undefined;
  if (PRODUCTION_WORDS.has(words[0])) return 'production';
  if (OTHER_ENV_WORDS.has(words[0])) return 'other';
  return undefined;
}

function environmentOfWords(words: readonly string[]): Environment | undefined {
  if (words.some((word) => OTHER_ENV_WORDS.has(word))) return 'other';
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  return undefined;
}

/**
 * The environment a file's name or folders say it is for: `config/production.json`,
 * `.env.production.json`, `appsettings.Production.json`, `deploy/prod/values.json`. The file name
 * decides before its folders; `development`, `test`, `local`, `staging` … win over `production`.
 */
export function environmentOfFile(file: string): Environment | undefined {
  const segments = file.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const environment = environmentOfWords(keyWords(segments[i]));
    if (environment) return environment;
  }
  return undefined;
}

/** Keys whose value names the environment of the object they are in: `{ NODE_ENV: 'production', DEBUG: '*' }`. */
const ENV_NAME_KEYS = new Set(['NODE_ENV', 'APP_ENV', 'ENV', 'ENVIRONMENT', 'ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'RAILS_ENV', 'environment', 'env']);

function environmentOfName(value: unknown): Environment | undefined {
  if (typeof value !== 'string') return undefined;
  return environmentOfKey(value);
}

/**
 * A JSON property's environment: a `NODE_ENV`-like sibling, else the nearest enclosing environment
 * section, else the file's.
 */
export function environmentOfJson(file: string, path: readonly string[], siblings?: Map<string, JsonNode | undefined>): Environment | undefined {
  for (const [key, value] of siblings ?? []) {
    const environment = ENV_NAME_KEYS.has(key) ? environmentOfName(jsonScalar(value)) : undefined;
    if (environment) return environment;
  }
  for (let i = path.length - 2; i >= 0; i--) {
    const environment = environmentOfKey(path[i]);
    if (environment) return environment;
  }
  return environmentOfFile(file);
}

/** A code option's environment: the nearest enclosing environment key or variable, else the file's. */
export function environmentOfCode(context: RuleContext, node: Node): Environment | undefined {
  const object = parentOf(node);
  if (object?.type === 'ObjectExpression') {
    for (const property of object.properties) {
      if (property === node || property.type !== 'Property' || property.computed) continue;
      const key = keyName(property.key);
      const environment = key !== undefined && ENV_NAME_KEYS.has(key) ? environmentOfName(codeConstant(context, property.value as Node)) : undefined;
      if (environment) return environment;
    }
  }
  for (const name of enclosingNames(node)) {
    const environment = environmentOfKey(name);
    if (environment) return environment;
  }
  return environmentOfFile(context.file);
}

// ── code context ─────────────────────────────────────────────────────────────────────────────

/**
 * Names that enclose an object property, nearest first: the keys of the properties it is nested in,
 * then the variable, assignment target or property the outermost object literal is stored in
 * (`const productionConfig = { … }`, `module.exports.production = { … }`).
 */
export function enclosingNames(property: Node): string[] {
  const names: string[] = [];
  let current: Node | undefined = parentOf(property);
  while (current) {
    const parent = parentOf(current);
    if (!parent) break;
    if (parent.type === 'Property' && parent.value === current) {
      const name = keyName(parent.key);
      if (name !== undefined) names.push(name);
    } else if (parent.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
      names.push(parent.id.name);
      break;
    } else if (parent.type === 'AssignmentExpression' && parent.right === current) {
      const name = lastSegment(parent.left);
      if (name !== undefined) names.push(name);
      break;
    } else if (!WRAPPERS.has(parent.type)) {
      break;
    }
    current = parent;
  }
  return names;
}

/** Keys of a settings schema's entry that give the value a deployment gets unless it sets its own. */
const SCHEMA_DEFAULT_KEYS = new Set(['default', 'defaultValue']);
/** Keys that describe a settings schema's entry (JSON Schema, convict, yup-based settings): `type`, `description`, `doc`, `format`. */
const SCHEMA_ENTRY_KEYS = new Set(['type', 'description', 'doc', 'format']);

/**
 * The setting a settings schema's default belongs to (`audit: { properties: { enabled: { type: yup.boolean(),
 * defaultValue: false } } }`): its key and enclosing names, nearest first, without the schema's `properties`
 * containers — what a deployment that sets nothing runs with. Undefined for any other property.
 */
export function schemaSettingOf(property: TSESTree.Property, key: string): { key: string; sections: string[] } | undefined {
  if (!SCHEMA_DEFAULT_KEYS.has(key)) return undefined;
  const entry = parentOf(property);
  if (entry?.type !== 'ObjectExpression') return undefined;
  const described = entry.properties.some((sibling) => sibling.type === 'Property' && SCHEMA_ENTRY_KEYS.has(keyName(sibling.key) ?? ''));
  if (!described || isModelFieldEntry(entry)) return undefined;
  const [setting, ...sections] = enclosingNames(property).filter((name) => name !== 'properties');
  return setting === undefined ? undefined : { key: setting, sections };
}

/**
 * A database model's field (`{ type: Boolean, default: false }` in Mongoose, `{ type: DataTypes.BOOLEAN, defaultValue:
 * false }` in Sequelize): its default is each new record's, not a deployment's setting.
 */
function isModelFieldEntry(entry: TSESTree.ObjectExpression): boolean {
  const type = entry.properties.find((sibling): sibling is TSESTree.Property => sibling.type === 'Property' && keyName(sibling.key) === 'type')?.value;
  if (!type) return false;
  if (type.type === 'Identifier') return /^(Boolean|String|Number|Date|Object|Array|Buffer|Mixed)$/.test(type.name);
  const root = type.type === 'MemberExpression' ? dottedName(type)?.split('.')[0] : undefined;
  return root !== undefined && /^(DataTypes|Sequelize|Schema|mongoose|Types)$/.test(root);
}

/** Nodes an object literal can sit in while still being "the value" of a key. */
const WRAPPERS = new Set(['ObjectExpression', 'ArrayExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression']);

/** The call or `new` an object literal (possibly nested in other literals) is an argument of. */
export function enclosingCall(property: Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let current: Node | undefined = parentOf(property);
  while (current) {
    const parent = parentOf(current);
    if (!parent) return undefined;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return parent;
    if (parent.type !== 'Property' && !WRAPPERS.has(parent.type)) return undefined;
    current = parent;
  }
  return undefined;
}

/** Dotted name of a call's callee: `winston.createLogger`, `new rds.DatabaseInstance` → `rds.DatabaseInstance`. */
export function calleeText(call: TSESTree.CallExpression | TSESTree.NewExpression | undefined): string | undefined {
  return call ? dottedName(call.callee) : undefined;
}

/** Keys of the other properties in an object literal. */
export function siblingNames(property: TSESTree.Property): string[] {
  const object = parentOf(property);
  if (object?.type !== 'ObjectExpression') return [];
  const names: string[] = [];
  for (const other of object.properties) {
    if (other === property || other.type !== 'Property' || other.computed) continue;
    const name = keyName(other.key);
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** The constant an option is set to in code (`true`, `'debug'`, a const it was assigned from). */
export function codeConstant(context: RuleContext, node: Node): string | number | boolean | null | undefined {
  if (node.type === 'Literal' && !('regex' in node && node.regex)) return node.value as string | number | boolean | null;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'Literal') return !node.argument.value;
  return context.constantOf(node);
}

// ── JSON context ─────────────────────────────────────────────────────────────────────────────

/** The value of a JSON scalar (string, number, boolean, null). */
export function jsonScalar(node: JsonNode | undefined): string | number | boolean | null | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null') return node.value as string | number | boolean | null;
  return undefined;
}

/** The other properties of the object a JSON property is in, by key. */
export function jsonSiblings(property: JsonPropertyInfo): Map<string, JsonNode | undefined> {
  const siblings = new Map<string, JsonNode | undefined>();
  for (const child of property.node.parent?.children ?? []) {
    if (child === property.node) continue;
    const [keyNode, valueNode] = child.children ?? [];
    if (keyNode) siblings.set(String(keyNode.value), valueNode);
  }
  return siblings;
}

/** The properties of a JSON object node, by key. */
export function jsonObjectProperties(object: JsonNode | undefined): Map<string, JsonNode | undefined> {
  const properties = new Map<string, JsonNode | undefined>();
  if (object?.type !== 'object') return properties;
  for (const child of object.children ?? []) {
    const [keyNode, valueNode] = child.children ?? [];
    if (keyNode) properties.set(String(keyNode.value), valueNode);
  }
  return properties;
}

/** Object nodes that enclose a JSON node, nearest first. */
export function jsonEnclosingObjects(node: JsonNode): JsonNode[] {
  const objects: JsonNode[] = [];
  for (let current = node.parent; current; current = current.parent) if (current.type === 'object') objects.push(current);
  return objects;
}

/**
 * The CloudFormation resource type (`AWS::RDS::DBInstance`) of the resource a JSON property sits in,
 * when the file is a CloudFormation/SAM/CDK-synthesised template.
 */
export function cloudFormationType(property: JsonPropertyInfo): string | undefined {
  const resourcesIndex = property.path.indexOf('Resources');
  if (resourcesIndex < 0 || property.path.length < resourcesIndex + 3) return undefined;
  for (const object of jsonEnclosingObjects(property.node)) {
    const type = jsonScalar(jsonObjectProperties(object).get('Type'));
    if (typeof type === 'string' && /^AWS::/.test(type)) return type;
  }
  return undefined;
}

/** Text range of a JSON node's value, for fixes. */
export function jsonRange(node: JsonNode): [number, number] {
  return [node.offset, node.offset + node.length];
}

// ── on / off ─────────────────────────────────────────────────────────────────────────────────

/** `false`, `"false"`, `"off"`, `"no"`, `"disabled"`, `"none"`, `0`, `"0"`. */
export function isOffValue(value: unknown): boolean {
  if (value === false || value === 0) return true;
  return typeof value === 'string' && /^\s*(false|off|no|none|disabled?|0)\s*$/i.test(value);
}

/** `true`, `"true"`, `"on"`, `"yes"`, `"enabled"`, `1`, `"1"`. */
export function isOnValue(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && /^\s*(true|on|yes|enabled?|1)\s*$/i.test(value);
}
