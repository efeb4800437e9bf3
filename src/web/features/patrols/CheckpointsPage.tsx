import { EditOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CHECKPOINT_HINT_MAX, CHECKPOINT_NAME_MAX } from '../../../common/schemas/patrol-limits.js';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { useResource } from '../../components/useResource.js';
import { patrolsApi, type Checkpoint } from './api.js';
import { defaultUnit } from './format.js';
import { usePatrolText } from './i18n.js';
import './patrols.css';
import { useFormSubmit } from '../../components/useFormSubmit.js';

interface Values {
  name: string;
  locationHint?: string;
}

/** Keeping a unit's checkpoints: add, rename, switch off, renew a code, print the QR sheet. */
export default function CheckpointsPage() {
  const pt = usePatrolText();
  const me = useMe();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const unitId = defaultUnit(me, params.get('unit'));
  const list = useResource(() => (unitId ? patrolsApi.checkpoints(unitId) : Promise.resolve(undefined)), [unitId]);
  const [editing, setEditing] = useState<string | null>(null);
  const data = list.data;
  const active = data?.items.filter((c) => c.active).length ?? 0;

  return (
    <div className="steady-patrols" data-testid="checkpoints-page">
      <PageTitle
        title={pt('checkpoints.title')}
        extra={
          data?.canManage &&
          unitId && (
            <Button
              icon={<PrinterOutlined />}
              href={patrolsApi.sheetUrl(unitId, locale)}
              target="_blank"
              data-testid="print-sheet"
            >
              {pt('checkpoints.print')}
            </Button>
          )
        }
      />
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{pt('page.unit')}</Typography.Text>
        <UnitPicker
          value={unitId}
          onChange={(id) => id && setParams({ unit: id }, { replace: true })}
          style={{ flex: 1 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{pt('checkpoints.intro')}</Typography.Paragraph>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {data && !data.canManage && (
        <Alert type="info" showIcon title={pt('checkpoints.readOnly')} style={{ marginBottom: 12 }} />
      )}
      {data?.canManage && unitId && <AddForm unitId={unitId} onAdded={list.reload} />}
      <Card
        size="small"
        loading={list.loading}
        title={data ? pt('checkpoints.count', { active, total: data.items.length }) : undefined}
      >
        {data && data.items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pt('checkpoints.empty')} />
        )}
        <Flex vertical gap={8}>
          {data?.items.map((c) =>
            editing === c.id ? (
              <EditForm
                key={c.id}
                point={c}
                onDone={() => {
                  setEditing(null);
                  list.reload();
                }}
              />
            ) : (
              <PointRow
                key={c.id}
                point={c}
                canManage={data.canManage}
                onEdit={() => setEditing(c.id)}
                onChanged={list.reload}
              />
            ),
          )}
        </Flex>
      </Card>
    </div>
  );
}

function AddForm({ unitId, onAdded }: { unitId: string; onAdded: () => void }) {
  const pt = usePatrolText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, async (values: Values) => {
    await patrolsApi.addCheckpoint({
      unitId,
      name: values.name.trim(),
      locationHint: values.locationHint?.trim() ?? '',
    });
    form.resetFields();
    message.success(pt('checkpoints.saved'));
    onAdded();
  });
  return (
    <Card size="small" title={pt('checkpoints.add')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        data-testid="checkpoint-form"
      >
        <Form.Item
          name="name"
          label={pt('checkpoints.name')}
          rules={[{ required: true, whitespace: true, message: pt('checkpoints.nameRequired') }]}
        >
          <Input
            size="large"
            maxLength={CHECKPOINT_NAME_MAX}
            placeholder={pt('checkpoints.namePlaceholder')}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item name="locationHint" label={pt('checkpoints.hint')}>
          <Input maxLength={CHECKPOINT_HINT_MAX} placeholder={pt('checkpoints.hintPlaceholder')} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} block>
          {pt('checkpoints.add')}
        </Button>
      </Form>
    </Card>
  );
}

function PointRow({
  point,
  canManage,
  onEdit,
  onChanged,
}: {
  point: Checkpoint;
  canManage: boolean;
  onEdit: () => void;
  onChanged: () => void;
}) {
  const pt = usePatrolText();
  const { message } = App.useApp();
  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      onChanged();
    } catch (error) {
      message.error(applyProblem(null, error) ?? String(error));
    }
  };
  return (
    <div className="steady-checkpoint-row" data-testid="checkpoint-row" data-point={point.name}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <strong>{point.name}</strong> {!point.active && <Tag>{pt('checkpoints.inactive')}</Tag>}
          {point.locationHint && (
            <div>
              <Typography.Text type="secondary">{point.locationHint}</Typography.Text>
            </div>
          )}
        </div>
        {canManage && (
          <Switch
            checked={point.active}
            aria-label={pt('checkpoints.active')}
            onChange={(active) => void run(() => patrolsApi.updateCheckpoint(point.id, { active }))}
          />
        )}
      </Flex>
      {canManage && (
        <Flex gap={8} wrap style={{ marginTop: 6 }}>
          <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
            {pt('checkpoints.edit')}
          </Button>
          <Popconfirm
            title={pt('checkpoints.newCodeConfirm')}
            onConfirm={() => void run(() => patrolsApi.newCode(point.id), pt('checkpoints.newCodeDone'))}
          >
            <Button size="small" icon={<ReloadOutlined />}>
              {pt('checkpoints.newCode')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </div>
  );
}

function EditForm({ point, onDone }: { point: Checkpoint; onDone: () => void }) {
  const pt = usePatrolText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    try {
      await patrolsApi.updateCheckpoint(point.id, {
        name: values.name.trim(),
        locationHint: values.locationHint?.trim() ?? '',
      });
      message.success(pt('checkpoints.saved'));
      onDone();
    } catch (error) {
      const rest = applyProblem(form, error);
      if (rest) message.error(rest);
    }
  };
  return (
    <div className="steady-checkpoint-row">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: point.name, locationHint: point.locationHint }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="name"
          label={pt('checkpoints.name')}
          rules={[{ required: true, whitespace: true, message: pt('checkpoints.nameRequired') }]}
        >
          <Input maxLength={CHECKPOINT_NAME_MAX} />
        </Form.Item>
        <Form.Item name="locationHint" label={pt('checkpoints.hint')}>
          <Input maxLength={CHECKPOINT_HINT_MAX} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {pt('checkpoints.save')}
          </Button>
          <Button onClick={onDone}>{pt('checkpoints.cancel')}</Button>
        </Flex>
      </Form>
    </div>
  );
}
