import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Collapse, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { INCIDENT_TYPES, type IncidentType } from '../../../../common/org.js';
import { incidentTypeLabel } from '../../../components/labels.js';
import { useT } from '../../../i18n/index.js';
import { replaced, without } from '../plan-model.js';
import { ProcedureSteps } from './ProcedureSteps.js';
import type { SectionProps } from './section-props.js';

/** 应急处置: a procedure for each type of incident, one panel each. */
export function ProceduresSection({ draft, setContent, readOnly, problemsAt }: SectionProps) {
  const t = useT();
  const procedures = draft.content.procedures;
  const set = (next: typeof procedures) => setContent({ procedures: next });
  const unused = INCIDENT_TYPES.filter((type) => !procedures.some((p) => p.incidentType === type));
  const [adding, setAdding] = useState<IncidentType | undefined>();
  const withProblems = procedures
    .map((_, i) => String(i))
    .filter((i) => problemsAt(`content.procedures.${i}`).length > 0);
  const [open, setOpen] = useState<string[]>(withProblems.length ? withProblems : ['0']);

  const add = () => {
    if (!adding) return;
    set([...procedures, { incidentType: adding, steps: [] }]);
    setOpen([...open, String(procedures.length)]);
    setAdding(undefined);
  };

  const items = procedures.map((procedure, i) => ({
    key: String(i),
    label: (
      <Flex justify="space-between" gap={8}>
        <span>
          <Typography.Text strong>{incidentTypeLabel(t, procedure.incidentType)}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('procedures.steps', { count: procedure.steps.length })}
          </Typography.Text>
        </span>
        <Badge count={problemsAt(`content.procedures.${i}`).length} />
      </Flex>
    ),
    extra: !readOnly && (
      <Button
        type="text"
        size="small"
        danger
        aria-label={t('procedures.removeType')}
        title={t('procedures.removeType')}
        icon={<DeleteOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          set(without(procedures, i));
        }}
      />
    ),
    children: (
      <ProcedureSteps
        steps={procedure.steps}
        readOnly={readOnly}
        path={`content.procedures.${i}.steps`}
        problemsAt={problemsAt}
        onChange={(steps) => set(replaced(procedures, i, { ...procedure, steps }))}
      />
    ),
  }));

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('procedures.intro')}</Typography.Paragraph>
      {procedures.length === 0 ? (
        <Empty description={t('procedures.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Collapse items={items} activeKey={open} onChange={(keys) => setOpen(keys)} destroyOnHidden />
      )}
      {!readOnly && unused.length > 0 && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Select
            value={adding}
            onChange={setAdding}
            options={unused.map((value) => ({ value, label: incidentTypeLabel(t, value) }))}
            placeholder={t('procedures.addType')}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button icon={<PlusOutlined />} disabled={!adding} onClick={add}>
            {t('procedures.addType')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
