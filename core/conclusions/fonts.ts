import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// PT Sans (ParaType, SIL Open Font License 1.1) was drawn for the languages of Russia: full Cyrillic plus
// №, ₽, ±, ≤/≥, ° and µ, which doctors type. The npm package ships the TTF files, resolved from node_modules.
const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
} as const;

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

let cached: Promise<FontFiles> | undefined;

/** The conclusion fonts' bytes, read once per process. */
export function loadFontFiles(): Promise<FontFiles> {
  cached ??= Promise.all([readFile(require.resolve(FILES.regular)), readFile(require.resolve(FILES.bold))]).then(
    ([regular, bold]) => ({ regular, bold }),
    (err: unknown) => {
      cached = undefined;
      throw err;
    },
  );
  return cached;
}
