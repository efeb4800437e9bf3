import type { Locale } from '../../common/locale.js';
import { ApiError } from '../api/client.js';

/**
 * Downloads a file the server renders in the request's language (CAP alert, Word report): fetched
 * with the language chosen in Steady, which a plain link would not send (it sends the browser's).
 */
export async function downloadFile(url: string, fallbackName: string, locale: Locale): Promise<void> {
  const response = await fetch(url, { headers: { 'Accept-Language': locale }, credentials: 'same-origin' });
  if (!response.ok) {
    let detail: string | undefined;
    try {
      detail = ((await response.json()) as { detail?: string; title?: string }).detail;
    } catch {
      detail = undefined;
    }
    throw new ApiError({
      type: 'about:blank',
      title: detail ?? response.statusText,
      status: response.status,
      ...(detail ? { detail } : {}),
    });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
