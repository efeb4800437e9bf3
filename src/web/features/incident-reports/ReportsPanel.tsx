import { FileWordOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { casualtyTotals } from '../../../common/report-diff.js';
import type { ReportStage } from '../../../common/schemas/incident-reports.js';
import { downloadFile } from '../../components/download.js';
import { applyProblem } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { useLive } from '../notifications/live.js';
import { reportsApi, type IncidentReporting } from './api.js';
import { useReportText } from './i18n.js';
import { ReceptionTag, StateTag, useStageName } from './labels.js';
import { CasualtiesDrawer, VerbalDrawer } from './RecordDrawers.js';
import './reports.css';

type Duty = IncidentReporting['duties'][number];

function DutyLine({ duty }: { duty: Duty }) {
  const rt = useReportText();
  const name = useStageName();
  const { locale } = useLocale();
  const late = duty.late || (duty.state === 'open' && Date.parse(duty.dueAt) < Date.now());
  return (
    <li
      className={late ? 'late' : undefined}
      data-testid="report-duty"
      data-kind={duty.kind}
      data-state={duty.state}
      data-late={duty.late}
    >
      <span>{name(duty.kind, duty.seq)}</span>
      <span className="steady-reports-due">
        {rt('duty.due', { time: formatDateTime(duty.dueAt, locale) })}{' '}
        <Tag
          color={duty.state === 'met' ? 'green' : duty.state === 'cancelled' ? 'default' : 'blue'}
          style={{ marginInlineEnd: 0 }}
        >
          {rt(`duty.${duty.state}`)}
        </Tag>
        {duty.late && (
          <Tag color="red" style={{ marginInline: '4px 0' }}>
            {rt('duty.late')}
          </Tag>
        )}
      </span>
    </li>
  );
}

/**
 * 信息报送 on the incident page: the deadlines of each stage, the verbal report, the written reports
 * with where each stands, casualty figures, and the buttons to draft the next stage.
 */
export function ReportsPanel({ incidentId }: { incidentId: string }) {
  const rt = useReportText();
  const name = useStageName();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const loaded = useResource(() => reportsApi.reporting(incidentId), [incidentId]);
  const [drawer, setDrawer] = useState<'verbal' | 'casualties' | null>(null);
  const [starting, setStarting] = useState<ReportStage | null>(null);
  useLive((event) => {
    if (event.kind === 'incident' && event.incidentId === incidentId) loaded.reload();
  });
  const r = loaded.data;
  if (!r)
    return loaded.loading ? (
      <Card size="small">
        <Skeleton active />
      </Card>
    ) : null;

  const start = async (stage: ReportStage) => {
    setStarting(stage);
    try {
      const report = await reportsApi.start(incidentId, stage);
      navigate(`/incident-reports/${report.id}`);
    } catch (error) {
      message.error(applyProblem(null, error));
      setStarting(null);
    }
  };
  const archive = (event: MouseEvent) => {
    event.preventDefault();
    downloadFile(reportsApi.archiveUrl(incidentId), `incident-reports-${incidentId}.docx`, locale).catch(
      (error: unknown) => message.error(applyProblem(null, error)),
    );
  };
  const done = () => {
    setDrawer(null);
    loaded.reload();
  };
  const totals = casualtyTotals({ casualties: r.casualties.current });

  return (
    <Card size="small" title={rt('panel.title')} data-testid="reports-panel" className="steady-reports">
      {r.notApplicable ? (
        <Typography.Text type="secondary">
          {rt(r.notApplicable === 'drill' ? 'panel.drill' : 'panel.noParent')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rt('panel.principle')}
          </Typography.Text>
          <div>
            <Typography.Text strong>{rt('panel.deadlines')}</Typography.Text>
            <ul className="steady-reports-duties">
              {r.duties.map((d) => (
                <DutyLine key={d.id} duty={d} />
              ))}
            </ul>
          </div>
          <div data-testid="verbal">
            <Typography.Text strong>{rt('panel.verbal')}</Typography.Text>{' '}
            {r.verbal ? (
              <Typography.Text>
                {rt('panel.verbalDone', {
                  time: formatDateTime(r.verbal.at, locale),
                  channel: rt(`channel.${r.verbal.channel}`),
                  to: r.verbal.toUnitName,
                  whom: r.verbal.toWhom,
                })}
              </Typography.Text>
            ) : r.mayRecord ? (
              <Button
                size="small"
                icon={<PhoneOutlined />}
                onClick={() => setDrawer('verbal')}
                data-testid="record-verbal"
              >
                {rt('panel.recordVerbal')}
              </Button>
            ) : (
              <Typography.Text type="secondary">{rt('panel.none')}</Typography.Text>
            )}
          </div>
          <div>
            <Typography.Text strong>{rt('panel.reports')}</Typography.Text>
            <List
              size="small"
              dataSource={r.reports}
              locale={{ emptyText: rt('panel.none') }}
              renderItem={(report) => (
                <List.Item
                  style={{ paddingInline: 0 }}
                  data-testid="report-row"
                  data-stage={report.stage}
                  data-seq={report.seq}
                >
                  <Link to={`/incident-reports/${report.id}`} style={{ minWidth: 0 }}>
                    {name(report.stage, report.seq)}
                    {report.unitName !== r.reports[0]?.unitName && (
                      <Typography.Text type="secondary"> · {report.unitName}</Typography.Text>
                    )}
                  </Link>
                  <Flex gap={4} wrap justify="end">
                    <StateTag state={report.state} />
                    <ReceptionTag reception={report.reception} />
                    {report.late && (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {rt('duty.late')}
                      </Tag>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          </div>
          {r.mayStart.length > 0 && (
            <Flex gap={8} wrap>
              {r.mayStart.map((stage) => (
                <Button
                  key={stage}
                  type={stage === 'first' ? 'primary' : 'default'}
                  icon={<PlusOutlined />}
                  loading={starting === stage}
                  disabled={starting !== null}
                  onClick={() => void start(stage)}
                  data-testid={`start-${stage}`}
                >
                  {rt('panel.start', { stage: name(stage, r.reports.filter((x) => x.stage === stage).length + 1) })}
                </Button>
              ))}
            </Flex>
          )}
          <Flex justify="space-between" align="center" gap={8} wrap data-testid="casualties-now">
            <Typography.Text>
              <Typography.Text strong>{rt('panel.casualties')}</Typography.Text> {rt('panel.casualtyLine', totals)}
            </Typography.Text>
            {r.mayRecord && r.reports.length > 0 && (
              <Button size="small" onClick={() => setDrawer('casualties')} data-testid="change-casualties">
                {rt('panel.changeCasualties')}
              </Button>
            )}
          </Flex>
          {r.reports.length > 0 && (
            <Button
              icon={<FileWordOutlined />}
              href={reportsApi.archiveUrl(incidentId)}
              onClick={archive}
              data-testid="reports-archive"
            >
              {rt('panel.archive')}
            </Button>
          )}
        </Flex>
      )}
      <VerbalDrawer incidentId={incidentId} open={drawer === 'verbal'} onClose={() => setDrawer(null)} onDone={done} />
      <CasualtiesDrawer
        incidentId={incidentId}
        open={drawer === 'casualties'}
        onClose={() => setDrawer(null)}
        onDone={done}
        current={r.casualties.current}
      />
    </Card>
  );
}
