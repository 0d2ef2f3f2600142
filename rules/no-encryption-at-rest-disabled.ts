import { createRule, type JsonPropertyInfo, type TSESTree } from '../server/src/rule-api';
import { lastSegment, propertyKey, propertyName, type Node } from './utils/ast';
import {
  calleeText,
  cloudFormationType,
  codeConstant,
  enclosingCall,
  enclosingNames,
  isOffValue,
  isOnValue,
  jsonScalar,
  jsonSiblings,
  keyWords,
  namesHaveWord,
  schemaSettingOf,
  siblingNames,
} from './utils/config-keys';

type MessageId = 'switchOff' | 'enabledOff' | 'cdkUnencrypted';

/** Words that make a key an encryption switch. */
const ENCRYPTION_WORDS = new Set(['encrypt', 'encrypted', 'encryption', 'sse', 'unencrypted']);
/** Words (in the key itself) that make the switch one for data at rest: `storageEncrypted`, `encryptAtRest`. */
const AT_REST_KEY_WORDS = new Set(['rest', 'storage', 'disk', 'volume', 'database', 'db', 'backup', 'backups', 'snapshot', 'snapshots', 'sse', 'server', 'bucket', 'table', 'cache', 'kms', 'ebs', 'efs', 'rds', 's3']);
/** Words of a section, sibling, variable or constructor that make an object a storage config. */
const STORAGE_WORDS = new Set([
  'storage', 'store', 'stores', 'db', 'database', 'databases', 'datasource', 'datastore', 'bucket', 'buckets', 'volume', 'volumes',
  'disk', 'disks', 'backup', 'backups', 'snapshot', 'snapshots', 'cache', 'redis', 'memcached', 'elasticache', 's3', 'rds', 'ebs',
  'efs', 'fsx', 'dynamo', 'dynamodb', 'mongo', 'mongodb', 'documentdb', 'docdb', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb',
  'aurora', 'table', 'tables', 'blob', 'blobs', 'filesystem', 'warehouse', 'redshift', 'bigquery', 'sqlite', 'persistence',
  'elasticsearch', 'opensearch', 'kinesis', 'sqs', 'sns', 'cosmos', 'cosmosdb', 'firestore', 'archive', 'archives', 'attachments',
  'uploads', 'documents', 'neptune', 'cassandra', 'keyspaces', 'glacier',
]);
/** Words that make an encryption switch one for data in transit (left to no-tls-verification-disabled). */
const TRANSIT_WORDS = new Set(['transit', 'tls', 'ssl', 'transport', 'wire', 'connection', 'channel', 'https', 'node', 'client', 'field', 'message', 'messages']);
/** Words of a section or callee that make an object a connection's config, not storage's. */
const TRANSIT_NAME_WORDS = new Set(['transit', 'tls', 'ssl', 'websocket', 'ws', 'socket']);
/** Sibling keys of a network connection config, where `encrypted: false` usually means TLS (Neo4j, Tedious). */
const CONNECTION_KEYS = new Set(['host', 'hostname', 'port', 'uri', 'url', 'connectionString', 'user', 'username', 'password', 'trustServerCertificate', 'servername']);
/** Words that make a switch disable encryption when it is on: `disableEncryption`, `skipEncryption`. */
const NEGATING_WORDS = new Set(['disable', 'disabled', 'skip', 'no', 'without', 'unencrypted']);
/** Words of a section holding an encryption switch for data at rest (`encryption: { enabled: false }`). */
const ENABLE_KEYS = new Set(['enabled', 'enable', 'Enabled', 'Enable', 'SSEEnabled', 'on', 'active']);
/** String values that mean "no encryption". */
const UNENCRYPTED_VALUE = /^\s*(unencrypted|plaintext|plain)\s*$/i;
/** CDK enum members that turn encryption off: `s3.BucketEncryption.UNENCRYPTED`, `sqs.QueueEncryption.UNENCRYPTED`. */
const CDK_OFF_MEMBERS = new Set(['UNENCRYPTED', 'NONE']);

type SwitchKind = { atRest: boolean; negated: boolean };

/** How a key switches encryption: `storageEncrypted` (at rest), `encryption` (needs context), `disableEncryption` (negated). */
function encryptionSwitch(key: string): SwitchKind | undefined {
  if (key === 'encrypt') return undefined; // mssql/tedious: TLS, not storage
  const words = keyWords(key);
  if (!words.some((word) => ENCRYPTION_WORDS.has(word))) return undefined;
  // a bare `sse` is as often server-sent events as server-side encryption
  if (words.length === 1 && words[0] === 'sse') return undefined;
  if (words.some((word) => TRANSIT_WORDS.has(word))) return undefined;
  if (words.some((word) => word === 'key' || word === 'keys' || word === 'algorithm' || word === 'type' || word === 'context')) return undefined;
  const negated = words.some((word) => NEGATING_WORDS.has(word));
  const atRest = words.some((word) => AT_REST_KEY_WORDS.has(word)) || (words.includes('at') && words.includes('rest'));
  return { atRest, negated };
}

function isStorageName(names: readonly string[]): boolean {
  return names.some((name) => {
    const words = keyWords(name);
    if (words.includes('file') && words.includes('system')) return true;
    return words.some((word) => STORAGE_WORDS.has(word));
  });
}

function isTransitName(names: readonly string[]): boolean {
  return namesHaveWord(names, TRANSIT_NAME_WORDS);
}

function turnsEncryptionOff(kind: SwitchKind, value: unknown): boolean {
  if (kind.negated) return isOnValue(value);
  return isOffValue(value) || (typeof value === 'string' && UNENCRYPTED_VALUE.test(value));
}

interface Context {
  /** Section keys from the nearest out (JSON path or enclosing property keys / variable). */
  sections: string[];
  siblings: string[];
  /** A constructor or factory the options go to: `rds.DatabaseInstance`, `redis.createClient`. */
  callee?: string;
  /** A CloudFormation resource type. */
  resourceType?: string;
}

/** Whether an encryption switch without "at rest" in its name is about stored data here. */
function isStorageContext(context: Context): boolean {
  if (context.siblings.some((key) => CONNECTION_KEYS.has(key))) return false;
  if (isTransitName(context.sections.slice(0, 1)) || (context.callee && isTransitName([context.callee]))) return false;
  if (context.resourceType) return true;
  return isStorageName(context.sections) || isStorageName(context.siblings) || (context.callee !== undefined && isStorageName([context.callee]));
}

/**
 * Which finding a switch set to `value` under `key` makes, if any: the key itself, or an `enabled`
 * flag inside an encryption section (`encryption: { enabled: false }`).
 */
function judge(key: string, value: unknown, where: Context): 'specific' | 'contextual' | undefined {
  let kind = encryptionSwitch(key);
  let sections = where.sections;
  if (!kind && ENABLE_KEYS.has(key) && where.sections.length > 0) {
    const section = encryptionSwitch(where.sections[0]);
    if (section && !section.negated) {
      kind = { atRest: section.atRest, negated: false };
      sections = where.sections.slice(1);
    }
  }
  if (!kind || !turnsEncryptionOff(kind, value)) return undefined;
  if (kind.atRest || where.resourceType) return 'specific';
  return isStorageContext({ ...where, sections }) ? 'contextual' : undefined;
}

/**
 * Whether `judge` can find anything under this key: the visitors run for every property, so they look
 * at the value and the surroundings only after this.
 */
function maybeSwitch(key: string): boolean {
  return ENABLE_KEYS.has(key) || encryptionSwitch(key) !== undefined;
}

function valueText(value: unknown): string {
  // only ever one of the fixed off/on words the rule matched, never free text
  return typeof value === 'string' ? JSON.stringify(value.trim().toLowerCase()) : String(value);
}

export default createRule({
  meta: {
    id: 'no-encryption-at-rest-disabled',
    description: 'Disallow turning off encryption at rest for databases, buckets, volumes, caches and backups.',
    rationale:
      'Data stored unencrypted can be read by anyone who gets hold of the disk, a snapshot, a backup or a misconfigured bucket. HIPAA’s encryption safeguard for data at rest is "addressable", but encrypted storage is what makes a lost backup a non-event instead of a reportable breach. Managed databases, object stores, volumes and caches all encrypt with one switch; keep it on and use a KMS key.',
    category: 'config',
    defaultSeverity: 'error',
    cwe: ['CWE-311'],
    hipaa: ['164.312(a)(2)(iv)'],
    precision: 'high',
    securitySeverity: 7.5,
    messages: {
      switchOff: '`{{option}}: {{value}}` turns off encryption at rest: PHI stored here is readable by anyone who gets the disk, a snapshot or a backup. Turn encryption on (with a KMS key).',
      enabledOff: '`{{section}}.{{option}}: {{value}}` turns off encryption at rest: PHI stored here is readable by anyone who gets the disk, a snapshot or a backup. Turn encryption on (with a KMS key).',
      cdkUnencrypted: '`{{member}}` stores data unencrypted: PHI stored here is readable by anyone who gets the disk, a snapshot or a backup. Use a KMS-managed encryption option.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    const reportFinding = (
      report: (messageId: MessageId, data: Record<string, string>, precision?: 'high' | 'medium') => void,
      key: string,
      value: unknown,
      where: Context,
    ) => {
      const verdict = judge(key, value, where);
      if (!verdict) return;
      const precision = verdict === 'contextual' ? 'medium' : undefined;
      if (encryptionSwitch(key)) report('switchOff', { option: key, value: valueText(value) }, precision);
      else report('enabledOff', { section: where.sections[0], option: key, value: valueText(value) }, precision);
    };

    return {
      Property(node: TSESTree.Property) {
        const option = propertyKey(node);
        if (option === undefined) return;
        const value = node.value as Node;
        // encryption: s3.BucketEncryption.UNENCRYPTED
        if (value.type === 'MemberExpression' && CDK_OFF_MEMBERS.has(propertyName(value) ?? '') && /Encryption$/.test(lastSegment(value.object) ?? '')) {
          context.report({ node, messageId: 'cdkUnencrypted', data: { member: `${lastSegment(value.object)}.${propertyName(value)}` } });
          return;
        }
        // A settings schema's default is the switch's shipped value: `allowUnencryptedStorage: { type: …, defaultValue: true }`.
        const schema = schemaSettingOf(node, option);
        const key = schema?.key ?? option;
        if (!maybeSwitch(key)) return;
        const constant = codeConstant(context, value);
        if (constant === undefined || constant === null) return;
        const where: Context = schema
          ? { sections: schema.sections, siblings: [], callee: undefined }
          : { sections: enclosingNames(node), siblings: siblingNames(node), callee: calleeText(enclosingCall(node)) };
        reportFinding((messageId, data, precision) => context.report({ node, messageId, data, precision }), key, constant, where);
      },
      JsonProperty(property: JsonPropertyInfo) {
        if (!maybeSwitch(property.key)) return;
        const value = jsonScalar(property.valueNode);
        if (value === undefined || value === null) return;
        const where: Context = {
          sections: property.path.slice(0, -1).filter((segment) => !/^\d+$/.test(segment)).reverse(),
          siblings: [...jsonSiblings(property).keys()],
          resourceType: cloudFormationType(property),
        };
        reportFinding((messageId, data, precision) => context.report({ jsonNode: property.node, messageId, data, precision }), property.key, value, where);
      },
    };
  },
});
