import { EditOutlined, FileSearchOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, List, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../components/format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { canManageAnything } from '../auth/permissions.js';
import { inspectionsApi } from './api.js';
import { useInspectionText } from './i18n.js';
import { ScheduleSection } from './ScheduleSection.js';
import { TemplateModal } from './TemplateModal.js';
import { useUnitChoice } from './useUnitChoice.js';
import './inspections.css';

/** Inspections of one unit: its checklists (start one, edit one, copy a template), its schedule, its recent runs. */
export default function InspectionsPage() {
  const tn = useInspectionText();
  const me = useMe();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useUnitChoice();
  const [choosing, setChoosing] = useState(false);
  const checklists = useResource(() => (unitId ? inspectionsApi.checklists(unitId) : Promise.resolve([])), [unitId]);
  const runs = useResource(() => (unitId ? inspectionsApi.runs(unitId) : Promise.resolve(null)), [unitId]);
  const canManage = canManageAnything(me);
  const withUnit = (path: string) => `${path}${unitId ? `?unit=${unitId}` : ''}`;

  return (
    <div className="steady-insp" data-testid="inspections-page">
      <PageTitle
        title={tn('hub.title')}
        extra={
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => navigate(withUnit('/inspections/ledger'))}
            data-testid="open-ledger"
          >
            {tn('hub.ledger')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{tn('hub.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={tn('hub.unit')} style={{ marginBottom: 12 }}>
          <UnitPicker value={unitId} onChange={setUnitId} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {checklists.error ? <LoadError error={checklists.error} onRetry={checklists.reload} /> : null}
      <Card
        size="small"
        title={tn('hub.checklists')}
        extra={
          canManage &&
          unitId && (
            <Button icon={<PlusOutlined />} onClick={() => setChoosing(true)} data-testid="add-checklist">
              {tn('hub.addFromTemplate')}
            </Button>
          )
        }
      >
        {(checklists.data ?? []).length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={checklists.loading ? null : tn(canManage ? 'hub.noChecklists' : 'hub.noChecklistsAsk')}
          >
            {/* The empty state offers the step itself: copying a template opens the template list. */}
            {!checklists.loading && canManage && unitId && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setChoosing(true)}
                data-testid="empty-add-checklist"
              >
                {tn('hub.addFromTemplate')}
              </Button>
            )}
          </Empty>
        ) : (
          <div className="steady-insp-checklists">
            {checklists.data!.map((c) => (
              <div key={c.id} className="steady-insp-checklist" data-testid="checklist-card" data-checklist-id={c.id}>
                <div className="steady-insp-checklist-name">
                  <SafetyCertificateOutlined /> {c.name}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {tn('hub.items', { n: c.itemCount })} ·{' '}
                  {c.lastRunAt ? tn('hub.lastRun', { when: formatDateTime(c.lastRunAt, locale) }) : tn('hub.neverRun')}
                </Typography.Text>
                <Flex gap={8} style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    size="large"
                    style={{ flex: 1 }}
                    onClick={() => navigate(`/inspections/run/${c.id}`)}
                    data-testid="start-run"
                  >
                    {tn('hub.run')}
                  </Button>
                  {canManage && (
                    <Button
                      size="large"
                      icon={<EditOutlined />}
                      onClick={() => navigate(`/inspections/checklists/${c.id}`)}
                    >
                      {tn('hub.edit')}
                    </Button>
                  )}
                </Flex>
              </div>
            ))}
          </div>
        )}
      </Card>
      {unitId && <ScheduleSection unitId={unitId} checklists={checklists.data ?? []} canManage={canManage} />}
      <Card size="small" title={tn('hub.recentRuns')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={runs.data?.items ?? []}
          locale={{ emptyText: tn('hub.noRuns') }}
          renderItem={(run) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {run.checklistName} · {formatDateTime(run.submittedAt, locale)}
                  </span>
                }
                description={tn('hub.runLine', {
                  inspector: run.inspector,
                  pass: run.counts.pass,
                  fail: run.counts.fail,
                  na: run.counts.na,
                })}
              />
              {run.counts.fail > 0 && <Link to={withUnit('/inspections/ledger')}>{tn('hub.ledger')}</Link>}
            </List.Item>
          )}
        />
      </Card>
      {unitId && (
        <TemplateModal
          unitId={unitId}
          open={choosing}
          onClose={() => setChoosing(false)}
          onCopied={checklists.reload}
        />
      )}
    </div>
  );
}
