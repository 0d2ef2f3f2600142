// The documents the extension hands to the PHI Guard server. Pure data (no vscode import): the manifest
// test checks that package.json's activation events cover every language listed here.

export const DOCUMENT_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'json', 'jsonc'] as const;

/** Untitled documents are analysed too (the server never reads them from disk). */
export const DOCUMENT_SCHEMES = ['file', 'untitled'] as const;

/** The project configuration file; its JSON schema ships with the extension. */
export const CONFIG_FILE_GLOB = '**/.phi-guard.json';

export function documentSelector(): { scheme: string; language: string }[] {
  return DOCUMENT_SCHEMES.flatMap((scheme) => DOCUMENT_LANGUAGES.map((language) => ({ scheme, language })));
}
