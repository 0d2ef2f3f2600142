// Code that runs only in development: the branch of `if (process.env.NODE_ENV !== 'production')`, of
// `__DEV__` (React Native), `import.meta.env.DEV` (Vite), `isDevMode()` (Angular), `!environment.production`,
// the right side of `isDev && …`, and what follows `if (isProduction) return;`. Such code is not what a
// deployment runs, so a finding there is of the `development` role: left out by default like a test's,
// shown with `--roles development` or `--include-tests`.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyName } from '../rule-api/ast';
import { withoutChainAndAssertions } from './syntax';

type Node = TSESTree.Node;

/** Environment names that are not production. */
const DEVELOPMENT_NAMES = new Set(['development', 'dev', 'develop', 'local', 'test', 'testing']);
const PRODUCTION_NAMES = new Set(['production', 'prod']);
/** Environment variables whose value is the environment's name. */
const ENVIRONMENT_VARIABLES = new Set(['NODE_ENV', 'MODE', 'APP_ENV', 'BABEL_ENV']);
/** Flags true only in development builds (`__DEV__`, `import.meta.env.DEV`, `isDevelopment`). */
const DEVELOPMENT_FLAGS = new Set(['__DEV__', 'DEV', 'isDev', 'isDevelopment', 'IS_DEV', 'IS_DEVELOPMENT', 'devMode', 'DEV_MODE', 'isDevMode', 'isDevEnv', 'isDevelopmentMode']);
/** Flags true in every production build (`import.meta.env.PROD`, Angular's `environment.production`). */
const PRODUCTION_FLAGS = new Set(['PROD', 'production', 'isProd', 'isProduction', 'IS_PROD', 'IS_PRODUCTION', 'isProductionMode', 'isProdEnv']);
/** Calls that answer "is this a development build": Angular's `isDevMode()`. */
const DEVELOPMENT_CALLS = new Set(['isDevMode']);
/**
 * The app's own predicates named for the environment they test (`isLocal(config.environment)`, `isDevelopment()`,
 * `isLocalEnvironment(env)`): true only on a developer's machine or a development build. (`isTest…` is left out:
 * a test of something else as often as of the environment.)
 */
const DEVELOPMENT_PREDICATE = /^is(Local|Dev|Development)(Env|Environment|Mode|Build)?$/;
/** `isProduction(env)`, `isProdEnvironment()`: true in every production run. */
const PRODUCTION_PREDICATE = /^is(Prod|Production)(Env|Environment|Mode|Build)?$/;

function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'MemberExpression' ? propertyName(node) : undefined;
}

/** `process.env.NODE_ENV`, `import.meta.env.MODE`, `NODE_ENV` (destructured from `process.env`). */
function readsEnvironmentName(node: Node): boolean {
  const name = nameOf(withoutChainAndAssertions(node));
  return name !== undefined && ENVIRONMENT_VARIABLES.has(name);
}

function stringValue(node: Node): string | undefined {
  const inner = withoutChainAndAssertions(node);
  if (inner.type === 'Literal' && typeof inner.value === 'string') return inner.value.trim().toLowerCase();
  if (inner.type === 'TemplateLiteral' && inner.expressions.length === 0) return inner.quasis[0]?.value.cooked?.trim().toLowerCase();
  return undefined;
}

/** `NODE_ENV === 'development'` → 'development'; `NODE_ENV !== 'production'` → 'development'; the reverse → 'production'. */
function comparisonEnvironment(node: TSESTree.BinaryExpression): 'development' | 'production' | undefined {
  const equal = node.operator === '===' || node.operator === '==';
  const notEqual = node.operator === '!==' || node.operator === '!=';
  if (!equal && !notEqual) return undefined;
  const value = readsEnvironmentName(node.left) ? stringValue(node.right) : readsEnvironmentName(node.right) ? stringValue(node.left) : undefined;
  if (value === undefined) return undefined;
  const named = DEVELOPMENT_NAMES.has(value) ? 'development' : PRODUCTION_NAMES.has(value) ? 'production' : undefined;
  if (!named) return undefined;
  if (equal) return named;
  return named === 'production' ? 'development' : 'production';
}

/** The condition holds only outside production. */
function onlyInDevelopment(condition: Node): boolean {
  const node = withoutChainAndAssertions(condition);
  switch (node.type) {
    case 'UnaryExpression':
      return node.operator === '!' && holdsInProduction(node.argument);
    case 'LogicalExpression':
      if (node.operator === '&&') return onlyInDevelopment(node.left) || onlyInDevelopment(node.right);
      if (node.operator === '||') return onlyInDevelopment(node.left) && onlyInDevelopment(node.right);
      return false;
    case 'BinaryExpression':
      return comparisonEnvironment(node) === 'development';
    case 'CallExpression': {
      const name = nameOf(withoutChainAndAssertions(node.callee as Node));
      return name !== undefined && ((DEVELOPMENT_CALLS.has(name) && node.arguments.length === 0) || DEVELOPMENT_PREDICATE.test(name));
    }
    case 'Identifier':
    case 'MemberExpression': {
      const name = nameOf(node);
      return name !== undefined && DEVELOPMENT_FLAGS.has(name);
    }
    default:
      return false;
  }
}

/** The condition holds in every production run. */
function holdsInProduction(condition: Node): boolean {
  const node = withoutChainAndAssertions(condition);
  switch (node.type) {
    case 'UnaryExpression':
      return node.operator === '!' && onlyInDevelopment(node.argument);
    case 'LogicalExpression':
      if (node.operator === '||') return holdsInProduction(node.left) || holdsInProduction(node.right);
      if (node.operator === '&&') return holdsInProduction(node.left) && holdsInProduction(node.right);
      return false;
    case 'BinaryExpression':
      return comparisonEnvironment(node) === 'production';
    case 'CallExpression': {
      const name = nameOf(withoutChainAndAssertions(node.callee as Node));
      return name !== undefined && PRODUCTION_PREDICATE.test(name);
    }
    case 'Identifier':
    case 'MemberExpression': {
      const name = nameOf(node);
      return name !== undefined && PRODUCTION_FLAGS.has(name);
    }
    default:
      return false;
  }
}

/** `return`, `throw`, or a block ending in one: the rest of the enclosing block does not run after it. */
function leaves(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && leaves(last);
  }
  return false;
}

/** An earlier `if (production) return;` in the same block: what follows runs only in development. */
function afterProductionExit(block: TSESTree.BlockStatement | TSESTree.Program, child: Node): boolean {
  for (const statement of block.body) {
    if (statement === child) return false;
    if (statement.type === 'IfStatement' && !statement.alternate && leaves(statement.consequent) && holdsInProduction(statement.test)) return true;
  }
  return false;
}

/**
 * Whether a node is in code that runs only in development. Reads parent pointers, which the walk sets on
 * the way down: ask about a node after it (or a node below it) has been visited.
 */
export function isDevelopmentOnly(node: Node): boolean {
  let child: Node = node;
  let parent = child.parent;
  while (parent) {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent && onlyInDevelopment(parent.test)) return true;
        if (child === parent.alternate && holdsInProduction(parent.test)) return true;
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator === '&&' && onlyInDevelopment(parent.left)) return true;
        if (child === parent.right && parent.operator === '||' && holdsInProduction(parent.left)) return true;
        break;
      case 'BlockStatement':
      case 'Program':
        if (afterProductionExit(parent, child)) return true;
        break;
      default:
        break;
    }
    child = parent;
    parent = child.parent;
  }
  return false;
}
