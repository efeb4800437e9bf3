import { CheckCircleFilled, ToolOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useResource } from '../../components/useResource.js';
import { drillTypeLabel } from '../../components/labels.js';
import { formatDateTime } from '../../components/format.js';
import { useLocale, useT } from '../../i18n/index.js';
import { drillsApi, type Drill } from './api.js';
import { DrillPhotos } from './DrillPhotos.js';
import { EvacuationMeter } from './EvacuationInput.js';
import { formatDay } from './format.js';
import { useDrillText } from './i18n.js';
import { RecordForm } from './RecordForm.js';
import { RectifyModal } from './RectifyModal.js';
import { RollCallButton } from '../roll-calls/RollCallButton.js';

interface Props {
  drill: Drill;
  canManage: boolean;
  onChanged: (drill: Drill) => void;
}

/** One drill: its record (or the form to record it), its photos, and each problem on its way to a fix. */
export function DrillDetails({ drill, canManage, onChanged }: Props) {
  const t = useT();
  const dt = useDrillText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [rectifying, setRectifying] = useState<string | null>(null);
  // Tasks already made from a problem are found again by their source, so the mark outlives the page.
  const tasks = useResource(
    () => (canManage && drill.problems.length > 0 ? drillsApi.tasks(drill) : Promise.resolve(null)),
    [drill.id, drill.problems.length, canManage],
  );
  const taskFor = (problem: string) => tasks.data?.items.find((task) => task.sourceDetail === problem);
  const minutes =
    drill.startedAt && drill.endedAt
      ? Math.round((Date.parse(drill.endedAt) - Date.parse(drill.startedAt)) / 60_000)
      : null;

  return (
    <Flex vertical gap={12} data-testid="drill-details" data-status={drill.status}>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'unit', label: dt('list.unit'), children: drill.unitName },
          { key: 'type', label: dt('form.type'), children: drillTypeLabel(t, drill.type) },
          ...(drill.plannedDate
            ? [{ key: 'planned', label: dt('form.plannedDate'), children: formatDay(drill.plannedDate, locale) }]
            : []),
          ...(drill.status === 'done'
            ? [
                { key: 'start', label: dt('form.startedAt'), children: formatDateTime(drill.startedAt, locale) },
                {
                  key: 'length',
                  label: dt('details.length'),
                  children: minutes === null ? '—' : dt('details.minutes', { n: minutes }),
                },
                { key: 'people', label: dt('form.participants'), children: drill.participants ?? '—' },
                {
                  key: 'evac',
                  label: dt('form.evacuation'),
                  children: drill.evacuationSeconds ? (
                    <EvacuationMeter seconds={drill.evacuationSeconds} />
                  ) : (
                    dt('details.notTimed')
                  ),
                },
              ]
            : []),
        ]}
      />
      {drill.status === 'planned' && canManage && (
        <div>
          <RollCallButton start={{ unitId: drill.unitId, drillId: drill.id }} canStart />
        </div>
      )}
      {drill.status === 'planned' ? (
        canManage ? (
          <Card size="small" title={dt('details.recordTitle')}>
            <RecordForm
              drill={drill}
              onRecorded={(recorded) => {
                message.success(dt('record.saved'));
                onChanged(recorded);
              }}
            />
          </Card>
        ) : (
          <Typography.Text type="secondary">{dt('details.notRecorded')}</Typography.Text>
        )
      ) : (
        <>
          <Card size="small" title={dt('form.evaluation')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="drill-evaluation">
              {drill.evaluation}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={dt('details.problems', { n: drill.problems.length })} data-testid="drill-problems">
            {drill.problems.length === 0 ? (
              <Typography.Text type="secondary">{dt('details.noProblems')}</Typography.Text>
            ) : (
              <Flex vertical gap={10}>
                {drill.problems.map((problem, index) => (
                  <div key={`${index}-${problem}`} className="steady-problem" data-testid="drill-problem">
                    <Typography.Text>
                      {index + 1}. {problem}
                    </Typography.Text>
                    {canManage && (
                      <div>
                        {taskFor(problem) ? (
                          <Link to={`/inspections/tasks/${taskFor(problem)!.taskId}`} data-testid="task-made">
                            <Typography.Text type="success">
                              <CheckCircleFilled /> {dt('task.made')}
                            </Typography.Text>
                          </Link>
                        ) : (
                          <Button
                            size="small"
                            icon={<ToolOutlined />}
                            onClick={() => setRectifying(problem)}
                            data-testid="make-task"
                          >
                            {dt('task.action')}
                          </Button>
                        )}
                      </div>
                    )}
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </>
      )}
      <Card size="small" title={dt('photos.title')}>
        <DrillPhotos drill={drill} canAdd={canManage} />
      </Card>
      <RectifyModal
        drill={drill}
        problem={rectifying}
        onClose={() => setRectifying(null)}
        onCreated={() => {
          tasks.reload();
          setRectifying(null);
          message.success(dt('task.created'));
        }}
      />
    </Flex>
  );
}
