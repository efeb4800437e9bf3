import { useSearchParams } from 'react-router-dom';

export type QueryUpdate = (changes: Record<string, string | undefined>) => void;

/**
 * The page's filters as they stand in the URL, and a way to change some of them: an empty value
 * removes its key, and the history entry is replaced (a filter is not a place to go back to).
 * With `resetPage`, changing anything but `page` goes back to the first page.
 */
export function useQueryParams({ resetPage = false } = {}): [URLSearchParams, QueryUpdate] {
  const [params, setParams] = useSearchParams();
  const update: QueryUpdate = (changes) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return [params, update];
}

/** The page size a list shows unless the URL asks for another. */
export const DEFAULT_PAGE_SIZE = 20;

export interface PageParams {
  page: number;
  pageSize: number;
  /** Goes to a page (and page size): both stand in the URL, the default size left out. */
  onPage: (page: number, pageSize: number) => void;
}

/** A paged list's place, read from the URL's `page` and `size`, and the way to move it. */
export function pageParams(params: URLSearchParams, update: QueryUpdate, defaultSize = DEFAULT_PAGE_SIZE): PageParams {
  return {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('size') ?? defaultSize) || defaultSize,
    onPage: (page, pageSize) =>
      update({ page: String(page), size: pageSize === defaultSize ? undefined : String(pageSize) }),
  };
}
