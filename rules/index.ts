// The rule pack. One rule per file; each has its doc in rules/docs/<id>.md and its table test in
// rules/tests/<id>.test.ts.
import type { Rule } from '../server/src/rule-api';
import noAuditLoggingDisabled from './no-audit-logging-disabled';
import noBodyLogging from './no-body-logging';
import noCleartextTransport from './no-cleartext-transport';
import noDebugLoggingInProduction from './no-debug-logging-in-production';
import noEncryptionAtRestDisabled from './no-encryption-at-rest-disabled';
import noPermissiveCorsWithCredentials from './no-permissive-cors-with-credentials';
import noPhiInBrowserStorage from './no-phi-in-browser-storage';
import noPhiInCookie from './no-phi-in-cookie';
import noPhiInErrorMessage from './no-phi-in-error-message';
import noPhiInJwt from './no-phi-in-jwt';
import noPhiInLogs from './no-phi-in-logs';
import noPhiInUrl from './no-phi-in-url';
import noPhiLiteral from './no-phi-literal';
import noPhiToThirdParty from './no-phi-to-third-party';
import noTlsVerificationDisabled from './no-tls-verification-disabled';
import noUnencryptedPhiColumn from './no-unencrypted-phi-column';
import noUnencryptedPhiFile from './no-unencrypted-phi-file';
import noWeakPhiHash from './no-weak-phi-hash';
import unanalysedFile from './unanalysed-file';
import validSuppression from './valid-suppression';

export const allRules: readonly Rule[] = [
  noAuditLoggingDisabled,
  noBodyLogging,
  noCleartextTransport,
  noDebugLoggingInProduction,
  noEncryptionAtRestDisabled,
  noPermissiveCorsWithCredentials,
  noPhiInBrowserStorage,
  noPhiInCookie,
  noPhiInErrorMessage,
  noPhiInJwt,
  noPhiInLogs,
  noPhiInUrl,
  noPhiLiteral,
  noPhiToThirdParty,
  noTlsVerificationDisabled,
  noUnencryptedPhiColumn,
  noUnencryptedPhiFile,
  noWeakPhiHash,
  unanalysedFile,
  validSuppression,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
