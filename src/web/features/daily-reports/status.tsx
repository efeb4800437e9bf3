import { Tag } from 'antd';
import type { DailyStatus } from './api.js';
import { useDailyReportText } from './i18n.js';

/** Colour and sign for each status: the sign keeps the matrix readable without colour. */
export const STATUS_LOOK: Record<DailyStatus, { color: string; background: string; sign: string; tag: string }> = {
  on_time: { color: '#237804', background: '#d9f7be', sign: '✓', tag: 'green' },
  late: { color: '#ad4e00', background: '#ffd591', sign: '!', tag: 'orange' },
  missing: { color: '#a8071a', background: '#ffa39e', sign: '✗', tag: 'red' },
  pending: { color: '#0958d9', background: '#d6e4ff', sign: '…', tag: 'blue' },
  not_required: { color: '#8c8c8c', background: '#f5f5f5', sign: '·', tag: 'default' },
};

export const STATUS_ORDER: DailyStatus[] = ['on_time', 'late', 'missing', 'pending', 'not_required'];

export function StatusTag({ status }: { status: DailyStatus }) {
  const rt = useDailyReportText();
  return (
    <Tag color={STATUS_LOOK[status].tag} data-testid="daily-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {rt(`status.${status}`)}
    </Tag>
  );
}

/** A small coloured square with the status sign, as in the matrix. */
export function StatusSwatch({ status, size = 22 }: { status: DailyStatus | null; size?: number }) {
  const look = status ? STATUS_LOOK[status] : null;
  return (
    <span
      className="steady-dr-swatch"
      style={{
        width: size,
        height: size,
        lineHeight: `${size}px`,
        color: look?.color ?? '#bfbfbf',
        background: look?.background ?? '#fff',
        borderColor: look ? 'transparent' : '#f0f0f0',
      }}
      aria-hidden
    >
      {look?.sign ?? ''}
    </span>
  );
}
