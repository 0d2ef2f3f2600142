// The engine's public face: what the CLI, the language server, the reporters and tools may use.
// Everything goes through a Project; the rules are handed in by whoever creates one.
export * from '../core/types';
export * from '../core/config-types';
export type { AnyRule, Rule, RuleMeta } from '../rule-api';
export { docsUrl } from '../rule-api';
export { Project, scanRoot, type FileAnalysis, type ProjectOptions, type ScanRequest } from './project';
export { RuleSet } from './rule-set';
export { parseSource } from './analyze';
export { componentCode, componentScripts, isComponentPath } from './components';
export { DeadlineExceeded } from './deadline';
export { parseConfigText, CONFIG_FILE_NAME } from './config';
export { didYouMean } from './did-you-mean';
export { languageOf } from './discover';
export { isImportConfigFile } from './import-aliases';
export { describeKinds, kindLabel, PHI_KIND_BY_ID } from '../vocabulary/classify';
export { PHI_KINDS, SAFE_HARBOR_IDENTIFIERS, type PhiKindDefinition } from '../vocabulary/phi-kinds';
export { DEFAULT_REPORT_ROLES, FILE_ROLES, TEST_ROLES, type RoleVerdict } from './roles';
