import { DragOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../common/schemas/units.js';
import { formatDateTime, utcOffset } from '../../components/format.js';
import { localeLabel, unitTypeLabel } from '../../components/labels.js';
import { useLocale, useT } from '../../i18n/index.js';
import { PlanInForce } from '../plans/PlanInForce.js';
import { PatrolFacts } from '../patrols/PatrolFacts.js';

interface Props {
  unit: Unit;
  parentName: string | undefined;
  canManage: boolean;
  canMove: boolean;
  onAdd: () => void;
  onEdit: () => void;
  onMove: () => void;
}

/** What Steady knows about one unit, and what the user may do with it. */
export function UnitDetail({ unit, parentName, canManage, canMove, onAdd, onEdit, onMove }: Props) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div data-testid="unit-detail">
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {unit.name}
        </Typography.Title>
        <Tag color="blue">{unitTypeLabel(t, unit.type)}</Tag>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
            {t('units.add')}
          </Button>
        )}
        {canManage && (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('units.edit')}
          </Button>
        )}
        {canMove && (
          <Button icon={<DragOutlined />} onClick={onMove}>
            {t('units.move')}
          </Button>
        )}
        <Link to={`/people?unit=${unit.id}`}>
          <Button icon={<TeamOutlined />}>{t('units.viewPeople')}</Button>
        </Link>
      </Flex>
      {!canManage && <Alert type="info" showIcon title={t('units.readOnly')} style={{ marginBottom: 16 }} />}
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('unit.type')}>{unitTypeLabel(t, unit.type)}</Descriptions.Item>
        <Descriptions.Item label={t('unit.childCount')}>
          {t('unit.childCountValue', { count: unit.childCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.parent')}>
          {parentName ??
            (unit.parentId ? (
              <Typography.Text type="secondary">{t('units.parentHidden')}</Typography.Text>
            ) : (
              t('units.top')
            ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.timeZone')}>
          {unit.timeZone} <Typography.Text type="secondary">({utcOffset(unit.timeZone)})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('unit.locale')}>{localeLabel(t, unit.locale)}</Descriptions.Item>
        {unit.enrolment !== null ? (
          <Descriptions.Item label={t('unit.enrolment')}>{unit.enrolment}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('unit.createdAt')}>{formatDateTime(unit.createdAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('unit.updatedAt')}>{formatDateTime(unit.updatedAt, locale)}</Descriptions.Item>
      </Descriptions>
      <PlanInForce unitId={unit.id} timeZone={unit.timeZone} />
      <PatrolFacts unitId={unit.id} />
    </div>
  );
}
