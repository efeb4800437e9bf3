import type { Locale } from '../../../common/locale.js';
import { ApiError } from '../../api/client.js';

/** Fetches a file with the session and saves it under the name Steady knows it by. */
export async function saveFile(url: string, name: string, locale: Locale): Promise<void> {
  const response = await fetch(url, { headers: { 'Accept-Language': locale }, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new ApiError({ type: 'about:blank', title: problem.detail ?? problem.title ?? response.statusText, status: response.status });
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
