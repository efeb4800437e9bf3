import { Card, Descriptions, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import type { Incident } from './api.js';
import { useIncidentText } from './i18n.js';

/** The filed after-action report, read-only, once the incident is closed. */
export function AfterActionView({ report }: { report: NonNullable<Incident['afterAction']> }) {
  const t = useT();
  const it = useIncidentText();
  const text = (value: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{value || t('common.none')}</span>;
  return (
    <Card size="small" title={it('afterAction.title')} data-testid="after-action">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'what', label: it('close.whatHappened'), children: text(report.whatHappened) },
          { key: 'causes', label: it('close.causes'), children: text(report.causes) },
          { key: 'actions', label: it('close.actionsTaken'), children: text(report.actionsTaken) },
          { key: 'losses', label: it('close.losses'), children: text(report.losses) },
          { key: 'lessons', label: it('close.lessons'), children: text(report.lessons) },
        ]}
      />
      {report.followUps.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
            {it('close.followUps')}
          </Typography.Text>
          <List
            size="small"
            dataSource={report.followUps}
            renderItem={(f) => (
              <List.Item data-testid="follow-up-item">
                <span>
                  {f.taskId ? <Link to={`/inspections/tasks/${f.taskId}`}>{f.task}</Link> : f.task}{' '}
                  <Typography.Text type="secondary">
                    · {f.ownerName ?? t('common.none')} · {it('afterAction.due', { date: f.dueDate })}
                  </Typography.Text>
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
