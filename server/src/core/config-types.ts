// The shape of `.phi-guard.json` (JSON with comments) and of the configuration the engine runs with.
import type { FileRole, SeveritySetting } from './types';

export type { FileRole } from './types';

/** Who signs in to the app: its accounts are patients' (a patient app or portal) or the workforce's. */
export type AppUsers = 'patients' | 'staff';

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** What a user writes in `.phi-guard.json`. Every field is optional. */
export interface PhiGuardConfigFile {
  $schema?: string;
  /** Severity per rule id ("error" | "warning" | "note" | "off"), optionally with rule options. */
  rules?: Record<string, RuleSetting>;
  /** Extra names that carry PHI, mapped to a PHI kind id: { "chartNo": "mrn" }. */
  phiNames?: Record<string, string>;
  /** Names that are never PHI in this codebase, e.g. ["visitorId", "clinicName"]. */
  notPhiNames?: string[];
  /**
   * Who signs in to this app: "patients" (a patient app or portal: the account's name, e-mail and phone are
   * a patient's PHI) or "staff" (the default reading: code about accounts and users handles the workforce's).
   */
  appUsers?: AppUsers;
  /** Extra functions whose result no longer carries PHI (redact, mask, encrypt, tokenize are built in). */
  sanitizers?: string[];
  /** Helper offered by the "Wrap with …" quick fix: { "name": "redact", "module": "./lib/redact" }. */
  redactor?: { name: string; module?: string };
  /** Globs (gitignore syntax, relative to the config file's folder) of files not to scan. */
  ignore?: string[];
  /** Files larger than this many bytes are skipped (default 1 MB). */
  maxFileSize?: number;
  /** Column/field transformers or plugins that encrypt values at rest (ORM rules). */
  encryptionTransformers?: string[];
  /** Globs (relative to the config file's folder) of files with a given role: { "test": ["qa/**"] }. */
  roles?: Partial<Record<FileRole, string[]>>;
}

export interface RuleConfig {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** The configuration one file is analysed with: defaults merged with the nearest `.phi-guard.json`. */
export interface ResolvedConfig {
  /** Absolute path of the config file that applied, if any. */
  configFile?: string;
  /** Folder the config's relative globs are resolved against (config folder, or scan root). */
  baseDir: string;
  /** Rule overrides from the config (rules not listed run with their default severity). */
  rules: Record<string, RuleConfig>;
  phiNames: Record<string, string>;
  notPhiNames: string[];
  appUsers: AppUsers;
  /**
   * Why `appUsers` is what it is when no config file says: the package manifest that describes a patient app or
   * portal (`appUsers` is then "patients"). Undefined when a config file set it or the default applies.
   */
  appUsersFrom?: string;
  /** Whether a config file set `appUsers` (then no package manifest is consulted). */
  appUsersDeclared?: boolean;
  /**
   * Why every patient of this application is simulated (a teaching EHR), read from the root package manifest:
   * its production code then has the `simulation` role. The config's `roles` globs win over it.
   */
  simulatedPatientsFrom?: string;
  /** Why the file's package only supports tests (its nearest package manifest says so): its code is then `test`. */
  testSupportFrom?: string;
  /** Names of the services Docker Compose files in the file's folder or above declare (containers of the same stack). */
  composeServices?: readonly string[];
  /**
   * The environment variables the repository ships for running the file's code (env files other than development/test
   * ones, compose `environment:`, Dockerfile `ENV`, deployment run scripts) in its folder or above: name → values set.
   */
  shippedEnvironment?: Readonly<Record<string, readonly string[]>>;
  /** Console methods the file's app replaces with functions that do nothing before its code runs (entry page or entry module): they write nothing. */
  silencedConsole?: readonly string[];
  sanitizers: string[];
  redactor?: { name: string; module?: string };
  ignore: string[];
  maxFileSize: number;
  encryptionTransformers: string[];
  /** Role globs in the order written (first match wins), relative to `baseDir`. */
  roles: ReadonlyArray<{ role: FileRole; globs: readonly string[] }>;
}

/**
 * Settings laid over every `.phi-guard.json` of a Project (the editor's settings): severities win over
 * the config's, sanitizers add to its list, a redactor replaces its own.
 */
export interface ConfigOverlay {
  severities?: Record<string, SeveritySetting>;
  sanitizers?: readonly string[];
  redactor?: { name: string; module?: string };
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export function defaultConfig(baseDir: string): ResolvedConfig {
  return {
    baseDir,
    rules: {},
    phiNames: {},
    notPhiNames: [],
    appUsers: 'staff',
    sanitizers: [],
    ignore: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    encryptionTransformers: [],
    roles: [],
  };
}

/** An invalid config file: reported as `file:line:column reason` and the CLI exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column} ${reason}`);
    this.name = 'ConfigError';
  }
}
