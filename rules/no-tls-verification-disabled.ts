import { createRule, type FixDescriptor, type JsonNode, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { dottedName, isFalseLiteral, isTrueLiteral, keyName, objectProperties, parentOf, propertyKey, propertyName, splitWords, type Node } from './utils/ast';
import { jsonRange, jsonSiblings } from './utils/config-keys';

/** Options that turn certificate verification off when false; the safe rewrite is `true`. */
const VERIFY_WHEN_TRUE = new Set(['rejectUnauthorized', 'strictSSL', 'sslValidate', 'verifySsl', 'verifySSL', 'sslVerify']);
/** Options that turn verification off when true. */
const INSECURE_WHEN_TRUE = new Set(['trustServerCertificate', 'tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'tlsInsecure', 'insecure', 'insecureSkipVerify', 'allowInsecure']);
/** Options that turn encryption off entirely when false. */
const ENCRYPTION_SWITCHES = new Set(['ssl', 'tls', 'useSSL', 'useSsl', 'useTls', 'useTLS', 'encrypt', 'secureConnection']);
/** Sibling keys that make an object a database or HTTP client connection config. */
const CONNECTION_KEYS = new Set(['host', 'hostname', 'port', 'database', 'db', 'user', 'username', 'password', 'connectionString', 'uri', 'url', 'dialect', 'server', 'connection', 'dialectOptions', 'baseURL', 'baseUrl', 'servername', 'ca', 'cert', 'replicaSet', 'authSource']);
/** Path words that make a JSON object a connection config. */
const CONNECTION_PATH_WORDS = new Set(['dialect', 'socket', 'database', 'db', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'connection', 'datasource', 'sequelize', 'typeorm', 'knex', 'prisma', 'http', 'https', 'api', 'client', 'server', 'smtp', 'mail', 'amqp', 'rabbitmq', 'kafka', 'elasticsearch', 'fhir', 'ehr', 'hl7', 'sql', 'mssql', 'oracle', 'cache']);
/** Connection-string parameters that disable TLS or its verification. */
const INSECURE_URL_PARAMETERS = /[?&;](sslmode=disable|ssl=false|tls=false|tlsInsecure=true|tlsAllowInvalidCertificates=true|tlsAllowInvalidHostnames=true|sslValidate=false|encrypt=false|trustServerCertificate=true)\b/i;
const TLS_ENV = 'NODE_TLS_REJECT_UNAUTHORIZED';
/** `NODE_TLS_REJECT_UNAUTHORIZED=0` in a shell command or script (also quoted: `='0'`). */
const TLS_ENV_IN_COMMAND = /\bNODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?(0|false)\b/;

function isConnectionObject(object: TSESTree.ObjectExpression, depth = 0): boolean {
  for (const name of objectProperties(object).keys()) if (CONNECTION_KEYS.has(name)) return true;
  const parent = parentOf(object);
  if (parent?.type === 'Property') {
    const name = keyName(parent.key);
    if (name !== undefined && splitWords(name).some((word) => CONNECTION_PATH_WORDS.has(word))) return true;
    // mssql/tedious: `{ server: 'db', options: { encrypt: false } }`: the options of a connection config.
    const outer = parentOf(parent);
    return depth < 2 && name === 'options' && outer?.type === 'ObjectExpression' && isConnectionObject(outer, depth + 1);
  }
  if (parent?.type === 'NewExpression' || parent?.type === 'CallExpression') return isConnectionCall(parent);
  return false;
}

/** Words of a callee that opens a connection or makes requests: `new Pool`, `mongoose.connect`, `createClient`, `axios.create`. */
const CONNECTION_CALL_WORDS = new Set([
  'connect', 'connection', 'pool', 'client', 'agent', 'sequelize', 'knex', 'redis', 'mongo', 'mongoose', 'database', 'db', 'datasource', 'source',
  'transport', 'request', 'axios', 'got', 'fetch', 'socket', 'amqp', 'kafka', 'pg', 'postgres', 'mysql', 'mariadb', 'mssql', 'tedious', 'elasticsearch',
  'smtp', 'mail', 'mailer', 'ldap', 'prisma', 'typeorm', 'cluster', 'http', 'https', 'tls', 'net', 'ws', 'fhir', 'ehr', 'hl7', 'sql', 'drizzle', 'oracle',
]);

/** `setFeatureFlags({ ssl: false })` is not a connection; `new Pool({ ssl: false })` is. */
function isConnectionCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = dottedName(call.callee);
  if (!callee) return false;
  return splitWords(callee.replace(/\./g, '_')).some((word) => CONNECTION_CALL_WORDS.has(word));
}

function booleanFix(node: Node, to: boolean): FixDescriptor {
  return { description: `Set to ${to}`, edits: [{ start: node.range[0], end: node.range[1], text: String(to) }] };
}

/**
 * `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` as a statement of its own is removed (with its line
 * when nothing else is on it): Node verifies certificates unless told otherwise. Anywhere else (the
 * body of a brace-less `if`, inside an expression) the value becomes '1'.
 */
function tlsEnvAssignmentFix(text: string, assignment: TSESTree.AssignmentExpression): FixDescriptor {
  const statement = parentOf(assignment);
  const holder = statement && parentOf(statement);
  const inList = holder?.type === 'Program' || holder?.type === 'BlockStatement' || holder?.type === 'StaticBlock' || holder?.type === 'SwitchCase';
  if (statement?.type !== 'ExpressionStatement' || statement.expression !== assignment || !inList) return tlsEnvValueFix(assignment.right);
  let [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?\n?$/.test(text.slice(end, lineEnd))) [start, end] = [lineStart, lineEnd];
  return { description: 'Remove the assignment (Node.js verifies certificates by default)', edits: [{ start, end, text: '' }] };
}

/** The value of NODE_TLS_REJECT_UNAUTHORIZED becomes '1' (in the string quotes it had). */
function tlsEnvValueFix(value: Node): FixDescriptor {
  const quote = value.type === 'Literal' && typeof value.value === 'string' && value.raw[0] === '"' ? '"' : "'";
  return { description: "Set to '1' (verify certificates)", edits: [{ start: value.range[0], end: value.range[1], text: `${quote}1${quote}` }] };
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` in a command (raw source text starting at `offset`): the 0 becomes 1. */
function tlsEnvCommandFix(raw: string, offset: number): FixDescriptor | undefined {
  const match = TLS_ENV_IN_COMMAND.exec(raw);
  if (!match) return undefined; // spelled with escapes in the source: no safe edit
  const start = offset + match.index + match[0].length - match[1].length;
  return { description: 'Set NODE_TLS_REJECT_UNAUTHORIZED=1 (verify certificates)', edits: [{ start, end: start + match[1].length, text: '1' }] };
}

function isTlsEnvTarget(node: Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  return propertyName(node) === TLS_ENV && /(^|\.)process\.env$/.test(dottedName(node.object) ?? '');
}

function isDisablingEnvValue(context: RuleContext, value: Node): boolean {
  // Either branch of `dev ? '1' : '0'` / `process.env.X ?? '0'` may be the value (the engine's constant
  // for a conditional is only one of its branches, so look at each).
  if (value.type === 'ConditionalExpression') return isDisablingEnvValue(context, value.consequent) || isDisablingEnvValue(context, value.alternate);
  if (value.type === 'LogicalExpression' && value.operator !== '&&') return isDisablingEnvValue(context, value.right);
  const constant = context.constantOf(value);
  return constant === '0' || constant === 0 || constant === 'false';
}

function jsonBoolean(node: JsonNode | undefined): boolean | undefined {
  return node?.type === 'boolean' ? (node.value as boolean) : undefined;
}

function isJsonConnectionPath(property: JsonPropertyInfo, siblings: string[]): boolean {
  if (siblings.some((key) => CONNECTION_KEYS.has(key))) return true;
  return property.path.slice(0, -1).some((segment) => splitWords(segment).some((word) => CONNECTION_PATH_WORDS.has(word)));
}

/**
 * A TLS *server's* options (`requestCert: true`): there `rejectUnauthorized: false` lets a client without
 * a trusted certificate connect so that the app can check `socket.authorized` itself (mutual TLS with
 * its own authorisation); the server's own certificate is still verified by its clients.
 */
function isServerTlsOptions(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === 'Property' && propertyKey(property) === 'requestCert');
}

/** `options.requestCert = true` written to the same object in the same function: server options. */
function requestsClientCertificates(context: RuleContext, object: Node, assignment: Node): boolean {
  const objectText = context.getText(object);
  let scope: Node | undefined = context.parentOf(assignment);
  while (scope && scope.type !== 'FunctionDeclaration' && scope.type !== 'FunctionExpression' && scope.type !== 'ArrowFunctionExpression' && scope.type !== 'Program') scope = context.parentOf(scope);
  if (!scope) return false;
  const body = context.getText(scope);
  return body.includes(`${objectText}.requestCert`) || new RegExp(`\\b${objectText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*\\{[^}]*\\brequestCert\\b`).test(body);
}

export default createRule({
  meta: {
    id: 'no-tls-verification-disabled',
    description: 'Disallow turning off TLS or certificate verification for HTTP clients and database connections.',
    rationale:
      'With certificate verification off (`rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`) any machine on the network path can impersonate the server and read or alter the traffic; with `ssl: false` the connection is not encrypted at all. Either exposes the PHI sent to an EHR, a lab or the database. Trust a private CA with the `ca` option instead of turning verification off.',
    category: 'transport',
    defaultSeverity: 'error',
    cwe: ['CWE-295', 'CWE-319'],
    hipaa: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
    precision: 'very-high',
    securitySeverity: 8.1,
    messages: {
      verificationOff: '`{{option}}: {{value}}` turns off TLS certificate verification: anyone on the network path can read or alter the traffic. Trust your CA with the `ca` option instead.',
      encryptionOff: '`{{option}}: false` on a connection config sends data, including PHI, unencrypted. Enable TLS.',
      envOff: 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns off certificate verification for every HTTPS connection in the process.',
      insecureConnectionString: 'Connection string parameter `{{parameter}}` disables TLS or its verification.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    // Only the product's own connections: an operator's script, migration or release tool connects where whoever runs it
    // points it (a local stack, a staging bucket, a vendor's upload site) and is not what a deployment ships.
    roles: ['production'],
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    const checkConnectionString = (node: Node) => {
      const constant = context.constantOf(node);
      if (typeof constant !== 'string') return;
      const match = INSECURE_URL_PARAMETERS.exec(constant);
      if (match) context.report({ node, messageId: 'insecureConnectionString', data: { parameter: match[1] } });
    };

    return {
      Property(node: TSESTree.Property) {
        const option = propertyKey(node);
        if (!option) return;
        const value = node.value as Node;
        if (VERIFY_WHEN_TRUE.has(option) && isFalseLiteral(value)) {
          const object = parentOf(node);
          if (option === 'rejectUnauthorized' && object?.type === 'ObjectExpression' && isServerTlsOptions(object)) return;
          context.report({ node, messageId: 'verificationOff', data: { option, value: 'false' }, fix: booleanFix(value, true) });
        } else if (INSECURE_WHEN_TRUE.has(option) && isTrueLiteral(value)) {
          context.report({ node, messageId: 'verificationOff', data: { option, value: 'true' } });
        } else if (ENCRYPTION_SWITCHES.has(option) && isFalseLiteral(value)) {
          const object = parentOf(node);
          if (object?.type === 'ObjectExpression' && isConnectionObject(object)) context.report({ node, messageId: 'encryptionOff', data: { option }, fix: booleanFix(value, true) });
        } else if (option === TLS_ENV && isDisablingEnvValue(context, value)) {
          context.report({ node, messageId: 'envOff', fix: tlsEnvValueFix(value) });
        }
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        if (isTlsEnvTarget(node.left) && isDisablingEnvValue(context, node.right)) {
          context.report({ node, messageId: 'envOff', fix: tlsEnvAssignmentFix(context.text, node) });
          return;
        }
        if (node.left.type !== 'MemberExpression') return;
        // Options set after the object is built (`requestOptions.strictSSL = false`) turn verification off as surely
        // as the same key in the literal.
        const option = propertyName(node.left);
        if (option !== undefined && VERIFY_WHEN_TRUE.has(option) && isFalseLiteral(node.right)) {
          if (option === 'rejectUnauthorized' && requestsClientCertificates(context, node.left.object, node)) return;
          context.report({ node, messageId: 'verificationOff', data: { option, value: 'false' }, fix: booleanFix(node.right, true) });
        } else if (option !== undefined && INSECURE_WHEN_TRUE.has(option) && isTrueLiteral(node.right)) {
          context.report({ node, messageId: 'verificationOff', data: { option, value: 'true' } });
        }
      },
      Literal(node: TSESTree.Literal) {
        if (typeof node.value !== 'string' || !node.value.includes('=')) return;
        // execSync('NODE_TLS_REJECT_UNAUTHORIZED=0 node job.js')
        if (TLS_ENV_IN_COMMAND.test(node.value)) context.report({ node, messageId: 'envOff', fix: tlsEnvCommandFix(context.getText(node), node.range[0]) });
        else checkConnectionString(node);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
        const match = INSECURE_URL_PARAMETERS.exec(text);
        if (match) context.report({ node, messageId: 'insecureConnectionString', data: { parameter: match[1] } });
      },
      JsonProperty(property: JsonPropertyInfo) {
        const { key, valueNode } = property;
        const flag = jsonBoolean(valueNode);
        if (VERIFY_WHEN_TRUE.has(key) && flag === false) {
          const [start, end] = jsonRange(valueNode!);
          context.report({
            jsonNode: property.node,
            messageId: 'verificationOff',
            data: { option: key, value: 'false' },
            fix: { description: 'Set to true', edits: [{ start, end, text: 'true' }] },
          });
        } else if (INSECURE_WHEN_TRUE.has(key) && flag === true) {
          context.report({ jsonNode: property.node, messageId: 'verificationOff', data: { option: key, value: 'true' } });
        } else if (ENCRYPTION_SWITCHES.has(key) && flag === false && isJsonConnectionPath(property, [...jsonSiblings(property).keys()])) {
          const [start, end] = jsonRange(valueNode!);
          context.report({ jsonNode: property.node, messageId: 'encryptionOff', data: { option: key }, fix: { description: 'Set to true', edits: [{ start, end, text: 'true' }] } });
        } else if (key === TLS_ENV && (valueNode?.value === '0' || valueNode?.value === 0 || valueNode?.value === 'false')) {
          const [start, end] = jsonRange(valueNode!);
          const text = typeof valueNode!.value === 'string' ? '"1"' : '1';
          context.report({ jsonNode: property.node, messageId: 'envOff', fix: { description: "Set to '1' (verify certificates)", edits: [{ start, end, text }] } });
        } else if (key.toLowerCase() === 'sslmode' && valueNode?.value === 'disable') {
          context.report({ jsonNode: property.node, messageId: 'insecureConnectionString', data: { parameter: 'sslmode=disable' } });
        } else if (typeof valueNode?.value === 'string') {
          const match = INSECURE_URL_PARAMETERS.exec(valueNode.value);
          if (match) context.report({ jsonNode: valueNode, messageId: 'insecureConnectionString', data: { parameter: match[1] } });
          else if (TLS_ENV_IN_COMMAND.test(valueNode.value)) {
            const [start, end] = jsonRange(valueNode);
            context.report({ jsonNode: valueNode, messageId: 'envOff', fix: tlsEnvCommandFix(context.text.slice(start, end), start) });
          }
        }
      },
    };
  },
});
