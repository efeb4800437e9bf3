import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Segmented, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useResource } from '../../components/useResource.js';
import { CATEGORY_LIST, casesApi, STATUS_LIST, type CaseCategory, type CaseStatus } from './api.js';
import { CaseList } from './CaseList.js';
import { CaseStatsView } from './CaseStatsView.js';
import { useCaseText } from './i18n.js';
import './cases.css';
import { pageParams, useQueryParams } from '../../components/useQueryParams.js';

type View = 'list' | 'stats';

/**
 * Dispute cases of the units the user can see, filtered by unit, status and category, and their
 * statistics.
 */
export default function CasesPage() {
  const ct = useCaseText();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, update] = useQueryParams({ resetPage: true });
  const view = (params.get('view') as View | null) ?? 'list';
  const unitId = params.get('unit') ?? undefined;
  const status = (params.get('status') as CaseStatus | null) ?? undefined;
  const category = (params.get('category') as CaseCategory | null) ?? undefined;
  const { page, pageSize } = pageParams(params, update);
  const list = useResource(
    () => casesApi.list({ unitId, status, category, page, pageSize }),
    [unitId, status, category, page, pageSize],
  );
  const stats = useResource(
    () => (view === 'stats' ? casesApi.stats(unitId) : Promise.resolve(undefined)),
    [unitId, view],
  );

  const wide = screens.md;

  return (
    <div className="steady-cases" data-testid="cases-page">
      <PageTitle
        title={ct('page.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="new-case">
            {ct('page.new')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={10} wrap align="center">
          <Segmented<View>
            value={view}
            onChange={(value) => update({ view: value === 'list' ? undefined : value })}
            options={[
              { value: 'list', label: ct('view.list') },
              { value: 'stats', label: ct('view.stats') },
            ]}
          />
          <UnitPicker
            value={unitId}
            onChange={(id) => update({ unit: id })}
            placeholder={ct('page.allUnits')}
            allowClear
            style={{ width: wide ? 260 : '100%' }}
          />
          {view === 'list' && (
            <Flex gap={8} style={{ width: wide ? undefined : '100%' }}>
              <Select<CaseStatus | ''>
                value={status ?? ''}
                onChange={(value) => update({ status: value || undefined })}
                options={[
                  { value: '', label: ct('filter.allStatuses') },
                  ...STATUS_LIST.map((value) => ({ value, label: ct(`status.${value}`) })),
                ]}
                style={{ flex: 1, minWidth: 120 }}
                data-testid="status-filter"
              />
              <Select<CaseCategory | ''>
                value={category ?? ''}
                onChange={(value) => update({ category: value || undefined })}
                options={[
                  { value: '', label: ct('filter.allCategories') },
                  ...CATEGORY_LIST.map((value) => ({ value, label: ct(`category.${value}`) })),
                ]}
                style={{ flex: 1, minWidth: 120 }}
                data-testid="category-filter"
              />
            </Flex>
          )}
        </Flex>
      </Card>
      {view === 'list' ? (
        <>
          {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
          <CaseList list={list} />
        </>
      ) : (
        <>
          {stats.error ? <LoadError error={stats.error} onRetry={stats.reload} /> : null}
          <CaseStatsView stats={stats.data} loading={stats.loading} />
        </>
      )}
    </div>
  );
}
