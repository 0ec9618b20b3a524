/**
 * The person's data as a browser test reads and moves it: every store of
 * the app's IndexedDB read straight from the page (not through the app),
 * a download's name and text, and a file chosen for Import the way a
 * person does (the button, then the file chooser).
 */
import type { Page } from 'playwright-core';
import { downloadedText } from './offline-browser.ts';

/** Every store of the `spinewise` database, each sorted by id. */
export function readDb(page: Page): Promise<Record<string, { id: string }[]>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('spinewise');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, { id: string }[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out[n] = (req.result as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id));
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Presses the button `testId` that downloads, and returns the file's name and text. */
export async function download(
  page: Page,
  testId: string,
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).first().click(),
  ]);
  return { name: file.suggestedFilename(), text: await downloadedText(file) };
}

/** Chooses `text` as the file `name` for Import: the button, then the file chooser. */
export async function importText(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('import').click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
