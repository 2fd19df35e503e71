/** Where the import screens live (the shell's resource list routes them; links here use the same paths). */
export const LEAD_IMPORT_PATH = '/leads/import';
export const LEAD_IMPORTS_PATH = '/leads/imports';
