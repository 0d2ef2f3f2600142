// The documents the extension hands to the PHI Guard server, derived from the one table of file kinds
// the server's discovery and watchers use (server/src/shared/file-kinds.ts). Pure data (no vscode
// import): the manifest test checks that package.json's activation events cover every language here.
import { CONFIG_FILE_GLOB, EDITOR_LANGUAGES } from '../../server/src/shared/file-kinds';

export const DOCUMENT_LANGUAGES: readonly string[] = EDITOR_LANGUAGES;

/** Untitled documents are analysed too (the server never reads them from disk). */
export const DOCUMENT_SCHEMES = ['file', 'untitled'] as const;

/** The project configuration file; its JSON schema ships with the extension. */
export { CONFIG_FILE_GLOB };

export function documentSelector(): { scheme: string; language: string }[] {
  return DOCUMENT_SCHEMES.flatMap((scheme) => DOCUMENT_LANGUAGES.map((language) => ({ scheme, language })));
}
