import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Grid, Segmented } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useMe } from '../auth/session.js';
import { useResource } from '../../components/useResource.js';
import { drillsApi, type Drill } from './api.js';
import { ComplianceView } from './ComplianceView.js';
import { DrillDetails } from './DrillDetails.js';
import { DrillList } from './DrillList.js';
import { mayManageDrills } from './format.js';
import { useDrillText } from './i18n.js';
import { RecordForm } from './RecordForm.js';
import { ScheduleModal } from './ScheduleModal.js';
import './drills.css';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';

type View = 'drills' | 'compliance';
/**
 * Drills: which units are on schedule, due soon or overdue; the drills planned and run; recording
 * one with its photos and turning what it found into rectification tasks.
 */
export default function DrillsPage() {
  const dt = useDrillText();
  const me = useMe();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [params, update] = useQueryParams({ resetPage: true });
  const unitId = params.get('unit') ?? undefined;
  const view = (params.get('view') as View | null) ?? 'drills';
  const { page, pageSize, onPage } = pageParams(params, update);
  const [scheduling, setScheduling] = useState(false);
  const [recordingNew, setRecordingNew] = useState(false);
  const [open, setOpen] = useState<Drill | null>(null);
  const canManage = mayManageDrills(me);
  const drills = useResource(() => drillsApi.list({ unitId, page, pageSize }), [unitId, page, pageSize]);
  const compliance = useResource(() => drillsApi.compliance(unitId), [unitId]);
  const defaultUnitId = unitId ?? me.scopes[0]?.unitId;
  // A drill as planning or recording returns it carries no unit name; the list has it.
  const shown = open && {
    ...open,
    unitName: open.unitName || drills.data?.items.find((d) => d.id === open.id)?.unitName || '',
  };

  const changed = (drill: Drill) => {
    setOpen((before) => ({ ...drill, unitName: drill.unitName || (before?.id === drill.id ? before.unitName : '') }));
    drills.reload();
    compliance.reload();
  };

  return (
    <div className="steady-drills" data-testid="drills-page">
      <PageTitle
        title={dt('page.title')}
        extra={
          canManage && (
            <Flex gap={8} wrap>
              <Button icon={<CalendarOutlined />} onClick={() => setScheduling(true)} data-testid="schedule-drill">
                {dt('page.schedule')}
              </Button>
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setRecordingNew(true)}
                data-testid="record-new"
              >
                {dt('page.recordNew')}
              </Button>
            </Flex>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={10} wrap align="center">
          <Segmented<View>
            value={view}
            onChange={(value) => update({ view: value === 'drills' ? undefined : value })}
            options={[
              { value: 'drills', label: dt('view.drills') },
              { value: 'compliance', label: dt('view.compliance') },
            ]}
            data-testid="drill-view"
          />
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={dt('page.allUnits')}
            allowClear
            style={{ width: screens.md ? 280 : '100%' }}
          />
        </Flex>
      </Card>
      {view === 'compliance' ? (
        <>
          {compliance.error ? <LoadError error={compliance.error} onRetry={compliance.reload} /> : null}
          <ComplianceView data={compliance.data} loading={compliance.loading} />
        </>
      ) : (
        <>
          {drills.error ? <LoadError error={drills.error} onRetry={drills.reload} /> : null}
          <DrillList
            page={drills.data}
            loading={drills.loading}
            onOpen={setOpen}
            onPage={(next) => onPage(next, pageSize)}
          />
        </>
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.title}
        size={screens.md ? 560 : '100%'}
        destroyOnHidden
        data-testid="drill-drawer"
      >
        {shown && (
          <DrillDetails key={shown.id + shown.status} drill={shown} canManage={canManage} onChanged={changed} />
        )}
      </Drawer>
      <Drawer
        open={recordingNew}
        onClose={() => setRecordingNew(false)}
        title={dt('page.recordNew')}
        size={screens.md ? 560 : '100%'}
        destroyOnHidden
      >
        <RecordForm
          defaultUnitId={defaultUnitId}
          onRecorded={(drill) => {
            setRecordingNew(false);
            message.success(dt('record.saved'));
            changed(drill);
          }}
        />
      </Drawer>
      <ScheduleModal
        open={scheduling}
        defaultUnitId={defaultUnitId}
        onClose={() => setScheduling(false)}
        onScheduled={() => {
          setScheduling(false);
          message.success(dt('schedule.saved'));
          drills.reload();
        }}
      />
    </div>
  );
}
