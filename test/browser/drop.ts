// Files dropped on the import panel's drop zone, as a user dragging them from the desktop
// would: text or bytes (sent to the page as base64, so binary files arrive unchanged).
import type { Page } from 'playwright-core';

export async function drop(page: Page, files: { name: string; text: string | Uint8Array }[]): Promise<void> {
  const sent = files.map(({ name, text }) => (typeof text === 'string' ? { name, text, base64: '' } : { name, text: '', base64: Buffer.from(text).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const content = f.base64 === '' ? f.text : Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([content], f.name));
    }
    const zone = document.querySelector('[data-testid="drop-zone"]') as HTMLElement;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, sent);
}
