import { Tag } from 'antd';
import { STATUS_COLOURS, type CaseCategory, type CaseStatus } from './api.js';
import { useCaseText } from './i18n.js';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const ct = useCaseText();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="case-status" data-status={status}>
      {ct(`status.${status}`)}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: CaseCategory }) {
  const ct = useCaseText();
  return <Tag style={{ marginInlineEnd: 0 }}>{ct(`category.${category}`)}</Tag>;
}

/** A date (`YYYY-MM-DD` or an ISO time) as the locale writes a day. */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
