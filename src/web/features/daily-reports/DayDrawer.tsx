import { Descriptions, Drawer, Grid, Skeleton, Typography } from 'antd';
import { LoadError } from '../../components/LoadError.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale } from '../../i18n/index.js';
import { useResource } from '../../components/useResource.js';
import { dailyReportsApi } from './api.js';
import { useDailyReportText } from './i18n.js';
import { StatusTag } from './status.js';

export interface OpenDay {
  unitId: string;
  unitName: string;
  day: string;
}

/** One unit-day from the matrix: its status, and the report if one came. */
export function DayDrawer({ open, onClose }: { open: OpenDay | null; onClose: () => void }) {
  const rt = useDailyReportText();
  const { locale } = useLocale();
  const screens = Grid.useBreakpoint();
  const detail = useResource(
    () => (open ? dailyReportsApi.day(open.unitId, open.day) : Promise.resolve(null)),
    [open?.unitId, open?.day],
  );
  const report = detail.data?.report;
  return (
    <Drawer
      open={open !== null}
      onClose={onClose}
      title={open ? rt('day.title', { unit: open.unitName, day: open.day }) : ''}
      size={screens.md ? 480 : '100%'}
      destroyOnHidden
      data-testid="day-drawer"
    >
      {detail.error ? (
        <LoadError error={detail.error} />
      ) : !detail.data ? (
        <Skeleton active />
      ) : (
        <>
          {detail.data.status && <StatusTag status={detail.data.status} />}
          {!report ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {rt('day.noReport')}
            </Typography.Paragraph>
          ) : (
            <Descriptions
              column={1}
              size="small"
              style={{ marginTop: 12 }}
              items={[
                { key: 'at', label: rt('day.submitted'), children: formatDateTime(report.submittedAt, locale) },
                { key: 'by', label: rt('day.by'), children: report.submittedBy?.name ?? '—' },
                ...(report.deadline ? [{ key: 'deadline', label: rt('day.deadline'), children: report.deadline }] : []),
                {
                  key: 'content',
                  label: rt('day.content'),
                  children: report.zero ? (
                    rt('today.zeroSent')
                  ) : (
                    <ul className="steady-dr-items" style={{ marginTop: 0 }}>
                      {report.items.map((item, i) => (
                        <li key={i}>
                          <strong>
                            {rt(`kind.${item.kind}`)}
                            {rt('items.colon')}
                          </strong>
                          {item.text}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
