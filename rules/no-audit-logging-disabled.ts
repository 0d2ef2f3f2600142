import { createRule, type JsonPropertyInfo, type TSESTree } from '../server/src/rule-api';
import { dottedName, parentOf, propertyKey, type Node } from './utils/ast';
import {
  calleeText,
  cloudFormationType,
  codeConstant,
  enclosingCall,
  enclosingNames,
  environmentOfCode,
  environmentOfJson,
  isOffValue,
  isOnValue,
  jsonScalar,
  jsonSiblings,
  keyWords,
  namesHaveWord,
  schemaSettingOf,
  type Environment,
} from './utils/config-keys';

type MessageId = 'auditOff' | 'trailOff';

/** Words that make a key an audit switch: `auditLog`, `AUDIT_LOG_ENABLED`, `pgaudit.log`, `auditEventsEnabled`. */
const AUDIT_WORDS = new Set(['audit', 'audits', 'auditing', 'auditlog', 'auditlogs', 'pgaudit', 'audittrail']);
/** Words that make an audit key a setting of the audit log rather than its switch. */
const SETTING_WORDS = new Set([
  'retention', 'days', 'ttl', 'path', 'file', 'files', 'dir', 'directory', 'format', 'table', 'bucket', 'topic', 'url', 'uri',
  'endpoint', 'key', 'name', 'size', 'max', 'min', 'limit', 'interval', 'batch', 'timeout', 'prefix', 'id', 'user', 'role',
  'count', 'version', 'schedule', 'destination', 'target', 'sink', 'fields', 'exclude', 'excluded', 'ignore', 'filter', 'sample',
  'rate', 'buffer', 'queue', 'host', 'port', 'index', 'collection', 'stream', 'group', 'channel', 'webhook',
]);
/** Kinds of activity an audit records, as a section under it: `audit.accesses.enabled`, `auditing.logins.enabled`. */
const AUDITED_ACTIVITY_WORDS = new Set([
  'access', 'accesses', 'read', 'reads', 'view', 'views', 'change', 'changes', 'write', 'writes', 'login', 'logins', 'export', 'exports',
  'record', 'records', 'patient', 'patients', 'query', 'queries', 'request', 'requests', 'event', 'events', 'activity', 'activities',
]);
/**
 * Stores an audit log is kept in: `useAuditDatabase: false` picks which database code reads or writes (the
 * application's rather than the audit's), it does not stop the audit being written.
 */
const STORE_WORDS = new Set(['database', 'databases', 'db', 'store', 'storage', 'connection', 'client', 'pool']);
const SELECTOR_WORDS = new Set(['use', 'using']);
/** Words that make an audit switch turn auditing off when it is on: `disableAudit`, `skipAuditLog`. */
const NEGATING_WORDS = new Set(['disable', 'disabled', 'skip', 'no', 'without', 'suppress', 'bypass']);
/** `enabled: false` inside an audit section. */
const ENABLE_KEYS = new Set(['enabled', 'enable', 'Enabled', 'Enable', 'active', 'on']);
/** Sections and tools where `audit` means a dependency-vulnerability audit (npm audit), not an audit trail. */
const PACKAGE_MANAGER_WORDS = new Set(['npm', 'yarn', 'pnpm', 'install', 'dependencies', 'lighthouse', 'renovate', 'dependabot', 'bun', 'packages', 'ci']);
const PACKAGE_MANAGER_FILES = /(^|\/)(package|lerna|\.?npmrc|\.?yarnrc|pnpm-workspace|renovate|\.ncurc|lighthouserc|\.lighthouserc|bower|composer)(\.[\w-]+)?\.jsonc?$/i;

/** Words that make an audit switch about writes only: `disableChangesAudit`, `skipWriteAudit`. */
const CHANGE_WORDS = new Set(['change', 'changes', 'write', 'writes', 'mutation', 'mutations', 'modification', 'modifications']);
/** Names of code that opens a connection for reading only: a reporting store, a read replica, an analytics warehouse. */
const READ_ONLY_USE_WORDS = new Set(['report', 'reports', 'reporting', 'replica', 'replicas', 'reader', 'analytics', 'warehouse']);

/** The name of the function a node sits in: its declaration's, or the variable or property it is assigned to. */
function enclosingFunctionName(node: Node): string | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current.type !== 'FunctionDeclaration' && current.type !== 'FunctionExpression' && current.type !== 'ArrowFunctionExpression') continue;
    if (current.type !== 'ArrowFunctionExpression' && current.id) return current.id.name;
    const holder = parentOf(current);
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name;
    if (holder?.type === 'Property' || holder?.type === 'MethodDefinition') return propertyKey(holder as TSESTree.Property) ?? undefined;
    return undefined;
  }
  return undefined;
}

/**
 * An audit of *changes* turned off for a connection that code named for reading only opens (`initReportStore`,
 * `readReplicaConfig`): such a connection makes no changes for the audit to record. Who read which record is
 * another audit, reported where it is turned off.
 */
function isChangeAuditOfReadOnlyConnection(key: string, node: Node, sections: readonly string[]): boolean {
  if (!keyWords(key).some((word) => CHANGE_WORDS.has(word))) return false;
  const owner = enclosingFunctionName(node);
  const names = owner ? [...sections, owner] : sections;
  return namesHaveWord(names, READ_ONLY_USE_WORDS) || names.some((name) => /read[-_]?only/i.test(name));
}

type Verdict = { negated: boolean };

/** How a key switches audit logging, if it does. */
function auditSwitch(key: string): Verdict | undefined {
  const words = keyWords(key);
  if (!words.some((word) => AUDIT_WORDS.has(word))) return undefined;
  if (words.some((word) => SETTING_WORDS.has(word))) return undefined;
  if (words.some((word) => SELECTOR_WORDS.has(word)) && words.some((word) => STORE_WORDS.has(word))) return undefined;
  return { negated: words.some((word) => NEGATING_WORDS.has(word)) };
}

function turnsAuditOff(verdict: Verdict, value: unknown): boolean {
  return verdict.negated ? isOnValue(value) : isOffValue(value);
}

function isPackageManagerContext(names: readonly string[]): boolean {
  return namesHaveWord(names, PACKAGE_MANAGER_WORDS);
}

/** The audit switch a key/value pair turns off: the key itself or the section of an `enabled` flag. */
function disabledOption(key: string, value: unknown, sections: readonly string[]): string | undefined {
  const own = auditSwitch(key);
  if (own) return turnsAuditOff(own, value) ? key : undefined;
  if (ENABLE_KEYS.has(key) && sections.length > 0) {
    const section = auditSwitch(sections[0]);
    if (section && !section.negated && isOffValue(value)) return `${sections[0]}.${key}`;
    // `audit.accesses.enabled`: the audit of one kind of activity (accesses, reads, changes, logins, exports).
    const audit = sections.length > 1 ? auditSwitch(sections[1]) : undefined;
    if (audit && !audit.negated && keyWords(sections[0]).every((word) => AUDITED_ACTIVITY_WORDS.has(word)) && isOffValue(value)) return `${sections[1]}.${sections[0]}.${key}`;
  }
  return undefined;
}

function whereText(environment: Environment | undefined): string {
  if (environment === 'production') return ' in a production config';
  if (environment === 'other') return ' (in a non-production config: make sure production keeps it on)';
  return '';
}

export default createRule({
  meta: {
    id: 'no-audit-logging-disabled',
    description: 'Disallow turning off audit logging.',
    rationale:
      'HIPAA’s audit-controls standard requires a record of activity in systems that hold PHI: who opened, changed or exported which patient record, and when. It is how inappropriate access is detected and how a breach is investigated. A switch that turns the audit trail off — in the app, the database (pgaudit), the FHIR server or the cloud account (CloudTrail) — removes that record.',
    category: 'config',
    defaultSeverity: 'error',
    cwe: ['CWE-778'],
    hipaa: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      auditOff: '`{{option}}` turns off audit logging{{where}}: HIPAA audit controls need a record of who accessed which patient records. Keep audit logging on.',
      trailOff: '`IsLogging: false` stops this CloudTrail trail{{where}}: the account keeps no record of who accessed the systems that hold PHI.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    const jsonSkipped = PACKAGE_MANAGER_FILES.test(context.file);
    const reportCode = (node: Node, option: string, environment: Environment | undefined) => {
      context.report({ node, messageId: 'auditOff', data: { option, where: whereText(environment) }, precision: environment === 'other' ? 'medium' : undefined });
    };
    return {
      Property(node: TSESTree.Property) {
        const ownKey = propertyKey(node);
        if (ownKey === undefined) return;
        // A settings schema's default is the switch's shipped value: `enabled: { type: …, defaultValue: false }`.
        const schema = schemaSettingOf(node, ownKey);
        const key = schema?.key ?? ownKey;
        // Runs for every property: look at the value and the surroundings only of a key that can be a switch.
        if (!ENABLE_KEYS.has(key) && !auditSwitch(key)) return;
        const sections = schema?.sections ?? enclosingNames(node);
        const option = disabledOption(key, codeConstant(context, node.value as Node), sections);
        if (!option) return;
        const callee = calleeText(enclosingCall(node));
        if (isPackageManagerContext(sections) || (callee && isPackageManagerContext([callee]))) return;
        if (isChangeAuditOfReadOnlyConnection(key, node, sections)) return;
        reportCode(node, option, environmentOfCode(context, node));
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        // config.audit.enabled = false; settings.auditLogging = false
        if (node.operator !== '=' || node.left.type !== 'MemberExpression') return;
        const target = dottedName(node.left);
        if (!target) return;
        const parts = target.split('.');
        const option = disabledOption(parts[parts.length - 1], codeConstant(context, node.right), parts.slice(0, -1).reverse());
        if (!option || isPackageManagerContext(parts)) return;
        reportCode(node, option, undefined);
      },
      JsonProperty(property: JsonPropertyInfo) {
        if (jsonSkipped) return;
        const { key, path } = property;
        const value = jsonScalar(property.valueNode);
        if (value === undefined || value === null) return;
        const sections = path.slice(0, -1).filter((segment) => !/^\d+$/.test(segment)).reverse();
        const report = (messageId: MessageId, data: Record<string, string>) => {
          const environment = environmentOfJson(context.file, path, jsonSiblings(property));
          context.report({ jsonNode: property.node, messageId, data: { ...data, where: whereText(environment) }, precision: environment === 'other' ? 'medium' : undefined });
        };
        if (key === 'IsLogging' && value === false && cloudFormationType(property) === 'AWS::CloudTrail::Trail') {
          report('trailOff', {});
          return;
        }
        const option = disabledOption(key, value, sections);
        if (!option || isPackageManagerContext(sections)) return;
        report('auditOff', { option });
      },
    };
  },
});
