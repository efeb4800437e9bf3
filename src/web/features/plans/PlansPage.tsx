import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { plansApi } from '../../api/endpoints.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { canManageAnything } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { NewPlanModal } from './NewPlanModal.js';
import { PlansTable } from './PlansTable.js';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';

/** The plans of the units the user can see, filtered by unit; filters live in the address. */
export default function PlansPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [params, update] = useQueryParams({ resetPage: true });
  const unitId = params.get('unit') ?? undefined;
  const subtree = params.get('subtree') !== '0';
  const { page, pageSize } = pageParams(params, update);
  const [creating, setCreating] = useState(false);

  const plans = useResource(
    () => plansApi.list({ unitId, subtree, page, pageSize }),
    [unitId, subtree, page, pageSize],
  );

  return (
    <>
      <PageTitle
        title={t('plans.title')}
        extra={
          canManageAnything(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-new">
              {t('plans.new')}
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={t('plans.allUnits')}
            allowClear
            style={{ width: compact ? '100%' : 280 }}
          />
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <Switch
              size="small"
              checked={subtree}
              disabled={!unitId}
              onChange={(on) => update({ subtree: on ? undefined : '0' })}
            />
            <Typography.Text>{t('plans.subtree')}</Typography.Text>
          </label>
        </Flex>
      </Card>
      {plans.error ? <LoadError error={plans.error} onRetry={plans.reload} /> : null}
      <PlansTable plans={plans} compact={compact} onOpen={(plan) => navigate(`/plans/${plan.id}`)} />
      <NewPlanModal
        open={creating}
        defaultUnitId={unitId ?? (me.scopes.length === 1 ? me.scopes[0]?.unitId : undefined)}
        onClose={() => setCreating(false)}
        onCreated={(plan) => navigate(`/plans/${plan.planId}`)}
      />
    </>
  );
}
