// The one table of which files PHI Guard reads: extensions and the editor languages they are, folders
// never worth reading, and the config file. Discovery, the language server (documents it accepts, files
// it watches) and the VS Code client (its document selector) all derive from it, so a file kind cannot
// be accepted by one and parsed as something else by another. Plain data: no vscode import.

export type FileLanguage = 'code' | 'json';

interface FileKind {
  language: FileLanguage;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** VS Code language ids of such documents. */
  editorLanguages: readonly string[];
}

export const FILE_KINDS: readonly FileKind[] = [
  {
    language: 'code',
    extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
    editorLanguages: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
  },
  // Single-file components: their `<script>` blocks are analysed as code, the rest of the file blanked out
  // (engine/components.ts). Their templates are not analysed.
  { language: 'code', extensions: ['.vue', '.svelte'], editorLanguages: ['vue', 'svelte'] },
  // JSON with comments and trailing commas. Not JSON5: its syntax (unquoted keys, single quotes) is neither.
  { language: 'json', extensions: ['.json', '.jsonc'], editorLanguages: ['json', 'jsonc'] },
];

export const CODE_EXTENSIONS: readonly string[] = FILE_KINDS.filter((kind) => kind.language === 'code').flatMap((kind) => kind.extensions);

/** Extensions of single-file components (`.vue`, `.svelte`): code files whose scripts are analysed. */
export const COMPONENT_EXTENSIONS: readonly string[] = ['.vue', '.svelte'];

/**
 * Extensions an import may leave out (`./store` for store.ts): script files only. A component is imported by
 * its full name (`./PatientCard.vue`), and `PatientCard.vue` beside a `PatientCard.ts` are two modules.
 */
export const SCRIPT_EXTENSIONS: readonly string[] = CODE_EXTENSIONS.filter((extension) => !COMPONENT_EXTENSIONS.includes(extension));

/** The languages VS Code hands to the server. */
export const EDITOR_LANGUAGES: readonly string[] = FILE_KINDS.flatMap((kind) => kind.editorLanguages);

const LANGUAGE_BY_EXTENSION: ReadonlyMap<string, FileLanguage> = new Map(
  FILE_KINDS.flatMap((kind) => kind.extensions.map((extension) => [extension, kind.language] as const)),
);

/** `code` or `json` by the file name's extension; undefined for every other file. */
export function languageOfPath(fileName: string): FileLanguage | undefined {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash) return undefined;
  return LANGUAGE_BY_EXTENSION.get(fileName.slice(dot).toLowerCase());
}

/** Folders never worth reading (dependencies, build output, caches), with why. */
export const SKIPPED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['node_modules', 'dependency folder'],
  ['dist', 'build output folder'],
  ['build', 'build output folder'],
  ['out', 'build output folder'],
  ['coverage', 'coverage report folder'],
  ['.git', 'version control folder'],
  ['.next', 'framework build folder'],
  ['.nuxt', 'framework build folder'],
  ['.turbo', 'cache folder'],
  ['.cache', 'cache folder'],
]);

/** Whether a relative path runs through a skipped folder. */
export function isInSkippedFolder(relPath: string): boolean {
  return relPath.split(/[\\/]/).slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
}

/** Package manager lockfiles: JSON by extension, never worth reading. */
export const LOCKFILES: ReadonlySet<string> = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

export const CONFIG_FILE_NAME = '.phi-guard.json';
export const CONFIG_FILE_GLOB = `**/${CONFIG_FILE_NAME}`;
/** A package manifest: where no config sets `appUsers`, its name and description say who signs in. */
export const PACKAGE_MANIFEST_NAME = 'package.json';

/** The files whose changes on disk the server wants to hear about. */
export const WATCHED_FILES_GLOB = `**/*.{${FILE_KINDS.flatMap((kind) => kind.extensions.map((extension) => extension.slice(1))).join(',')}}`;
