// The rule pack. One rule per file; each has its doc in rules/docs/<id>.md and its table test in
// rules/tests/<id>.test.ts.
import type { Rule } from '../server/src/engine/rule-api';
import noCleartextTransport from './no-cleartext-transport';
import noPhiInBrowserStorage from './no-phi-in-browser-storage';
import noPhiInLogs from './no-phi-in-logs';
import noPhiInUrl from './no-phi-in-url';
import noPhiToThirdParty from './no-phi-to-third-party';
import noTlsVerificationDisabled from './no-tls-verification-disabled';
import validSuppression from './valid-suppression';
import noPhiInCookie from './no-phi-in-cookie';
import noDebugLoggingInProduction from './no-debug-logging-in-production';
import noPhiInJwt from './no-phi-in-jwt';
import noUnencryptedPhiFile from './no-unencrypted-phi-file';
import noBodyLogging from './no-body-logging';
import noUnencryptedPhiColumn from './no-unencrypted-phi-column';
import noEncryptionAtRestDisabled from './no-encryption-at-rest-disabled';
import noAuditLoggingDisabled from './no-audit-logging-disabled';
import noWeakPhiHash from './no-weak-phi-hash';
import noPhiInErrorMessage from './no-phi-in-error-message';
import noPermissiveCorsWithCredentials from './no-permissive-cors-with-credentials';
import noPhiLiteral from './no-phi-literal';

export const allRules: readonly Rule[] = [
  noPhiLiteral,
  noPermissiveCorsWithCredentials,
  noPhiInErrorMessage,
  noWeakPhiHash,
  noAuditLoggingDisabled,
  noEncryptionAtRestDisabled,
  noUnencryptedPhiColumn,
  noBodyLogging,
  noUnencryptedPhiFile,
  noPhiInJwt,
  noDebugLoggingInProduction,
  noPhiInCookie,
  noCleartextTransport,
  noPhiInBrowserStorage,
  noPhiInLogs,
  noPhiInUrl,
  noPhiToThirdParty,
  noTlsVerificationDisabled,
  validSuppression,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
