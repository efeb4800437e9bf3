import { Button, Card, Empty, Form, Input, List, Select, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { PAGE_SIZE_MAX } from '../../../common/limits.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { formatDateTime } from '../../components/format.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { useQueryParams } from '../../components/useQueryParams.js';
import { useResource } from '../../components/useResource.js';
import { useUnitPeople } from '../../components/useUnitPeople.js';
import { useUnitZone } from '../../components/date-fields/useUnitZone.js';
import { useLocale, useT } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { incidentsApi } from '../incidents/api.js';
import { reunificationApi } from './api.js';
import { useReunificationText } from './i18n.js';
import './reunification.css';

const KEEPERS = ['accountable_head', 'safety_officer'];

/** A school's reunifications; its head and safety officer open one after a real evacuation. */
export default function ReunificationsPage() {
  const rt = useReunificationText();
  const { locale } = useLocale();
  const me = useMe();
  const [params, update] = useQueryParams();
  const unitId =
    params.get('unit') ??
    me.scopes.find((s) => s.roles.some((r) => KEEPERS.includes(r)))?.unitId ??
    me.scopes[0]?.unitId;
  const keeper = me.scopes.some((s) => s.unitId === unitId && s.roles.some((r) => KEEPERS.includes(r)));
  const list = useResource(() => (unitId ? reunificationApi.list(unitId) : Promise.resolve([])), [unitId]);
  const items = list.data ?? [];
  const anyOpen = items.some((r) => r.status === 'open');
  const timeZone = useUnitZone(unitId);

  return (
    <div className="steady-reunification" data-testid="reunifications-page">
      <PageTitle title={rt('page.title')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={(id) => update({ unit: id })}
          placeholder={rt('page.chooseUnit')}
          style={{ width: '100%' }}
        />
      </Card>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      <Card size="small" loading={list.loading} style={{ marginBottom: 12 }}>
        {items.length === 0 ? (
          <Empty description={rt('page.none')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(r) => (
              <List.Item data-testid="reunification-row">
                <Link to={`/reunifications/${r.id}`}>{r.point}</Link>
                <span>
                  <Tag color={r.status === 'open' ? 'red' : undefined}>
                    {r.status === 'open' ? rt('list.open') : rt('list.closed')}
                  </Tag>
                  {formatDateTime(r.openedAt, locale, timeZone)}
                </span>
              </List.Item>
            )}
          />
        )}
      </Card>
      {keeper && unitId && !anyOpen && <OpenForm unitId={unitId} />}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
        {rt('page.privacy')}
      </Typography.Paragraph>
    </div>
  );
}

interface OpenValues {
  incidentId: string;
  point: string;
  staffPersonIds: string[];
}

function OpenForm({ unitId }: { unitId: string }) {
  const rt = useReunificationText();
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<OpenValues>();
  const { people, loading } = useUnitPeople(unitId);
  const incidents = useResource(() => incidentsApi.board({ unitId, open: true, pageSize: PAGE_SIZE_MAX }), [unitId]);
  const real = (incidents.data?.items ?? []).filter((i) => !i.drill && i.unitId === unitId);
  const { busy, submit } = useFormSubmit(form, async (values: OpenValues) => {
    const opened = await reunificationApi.open({ unitId, ...values });
    navigate(`/reunifications/${opened.id}`);
  });
  return (
    <Card size="small" title={rt('open.title')}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="open-form">
        <Form.Item
          name="incidentId"
          label={rt('open.incident')}
          extra={rt('open.incidentHint')}
          rules={[{ required: true }]}
        >
          <Select
            data-testid="open-incident"
            loading={incidents.loading}
            options={real.map((i) => ({
              value: i.id,
              label: `${t(`incidentType.${i.type}` as never)} · ${i.place}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="point" label={rt('open.point')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={rt('open.pointPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="staffPersonIds"
          label={rt('open.staff')}
          extra={rt('open.staffHint')}
          rules={[{ required: true }]}
        >
          <Select
            data-testid="open-staff"
            mode="multiple"
            showSearch
            loading={loading}
            optionFilterProp="label"
            options={people.map((p) => ({ value: p.id, label: p.hint ? `${p.name}（${p.hint}）` : p.name }))}
          />
        </Form.Item>
        <Button type="primary" danger htmlType="submit" loading={busy} block size="large" data-testid="open-submit">
          {rt('open.submit')}
        </Button>
      </Form>
    </Card>
  );
}
