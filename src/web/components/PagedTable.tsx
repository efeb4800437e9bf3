import { Table } from 'antd';
import type { PaginationProps, TableProps } from 'antd';
import { useRef } from 'react';
import type { Page } from '../../common/schemas/shared.js';
import type { Resource } from './useResource.js';
import { pageParams, useQueryParams } from './useQueryParams.js';

/**
 * The rows to show for a paged resource: while the next page loads, the last page stays on screen
 * under a spinner (no empty flash); a quiet reload (`refreshing`) shows no spinner at all.
 */
export function usePagedRows<T>(resource: Resource<Page<T> | undefined>): {
  page: Page<T> | undefined;
  loading: boolean;
} {
  const last = useRef<Page<T>>(undefined);
  if (resource.data) last.current = resource.data;
  return { page: resource.data ?? last.current, loading: resource.loading };
}

/** Pagination for a server-paged answer, its place kept in the URL's `page` and `size`. */
export function useUrlPagination(
  page: Page<unknown> | undefined,
  showTotal: (total: number) => string,
  { compact = false } = {},
): PaginationProps {
  const [params, update] = useQueryParams();
  const { page: current, pageSize, onPage } = pageParams(params, update);
  return {
    current: page?.page ?? current,
    pageSize: page?.pageSize ?? pageSize,
    total: page?.total ?? 0,
    showSizeChanger: !compact,
    size: compact ? 'small' : undefined,
    showTotal,
    onChange: onPage,
  };
}

type PassedOn<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>;

interface Props<T> extends PassedOn<T> {
  /** The list's resource: one page of rows with the total (none while the list cannot be asked yet). */
  resource: Resource<Page<T> | undefined>;
  /** The text beside the pager, e.g. "42 in all". */
  showTotal: (total: number) => string;
  /** Shows the spinner though the resource is not loading (what it needs is still on its way). */
  waiting?: boolean;
}

/** An Ant Design table over one server page, the page and page size standing in the URL. */
export function PagedTable<T extends object>({ resource, showTotal, waiting = false, ...table }: Props<T>) {
  const { page, loading } = usePagedRows(resource);
  const pagination = useUrlPagination(page, showTotal);
  return <Table<T> {...table} dataSource={page?.items ?? []} loading={loading || waiting} pagination={pagination} />;
}
