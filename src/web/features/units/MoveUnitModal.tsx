import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../common/schemas/units.js';
import { unitsApi } from '../../api/endpoints.js';
import { applyProblem } from '../../components/form-errors.js';
import { unitTypeLabel } from '../../components/labels.js';
import { requiredRule } from '../../components/rules.js';
import { useResource } from '../../components/useResource.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useT } from '../../i18n/index.js';

/** Moves a unit and its subtree under another unit found by name. */
export function MoveUnitModal({
  unit,
  onClose,
  onMoved,
}: {
  unit: Unit | null;
  onClose: () => void;
  onMoved: (moved: Unit, newParent: Unit) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const [typed, setTyped] = useState('');
  const query = useDebounced(typed.trim());
  const [chosen, setChosen] = useState<Unit>();
  const [busy, setBusy] = useState(false);
  const candidates = useResource(
    async () => (unit ? (await unitsApi.list({ q: query || undefined, pageSize: 50 })).items : []),
    [unit?.id, query],
  );

  useEffect(() => {
    if (unit) {
      form.resetFields();
      setTyped('');
      setChosen(undefined);
    }
  }, [unit, form]);

  const submit = async ({ parentId }: { parentId: string }) => {
    if (!unit) return;
    const parent = chosen?.id === parentId ? chosen : undefined;
    setBusy(true);
    try {
      const moved = await unitsApi.move(unit.id, parentId);
      message.success(t('units.moved', { name: moved.name, parent: parent?.name ?? '' }));
      onMoved(moved, parent ?? (await unitsApi.get(parentId)));
    } catch (err) {
      const rest = applyProblem(form, err);
      if (rest) form.setFields([{ name: 'parentId', errors: [rest] }]);
    } finally {
      setBusy(false);
    }
  };

  const listed = candidates.data ?? [];
  const options = (chosen && !listed.some((c) => c.id === chosen.id) ? [chosen, ...listed] : listed)
    .filter((c) => c.id !== unit?.id)
    .map((c) => ({
      value: c.id,
      label: c.name,
      disabled: c.id === unit?.parentId,
      type: unitTypeLabel(t, c.type),
    }));

  return (
    <Modal
      open={unit !== null}
      title={unit ? t('units.moveTitle', { name: unit.name }) : ''}
      okText={t('units.moveSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert
        type="warning"
        showIcon
        title={unit ? t('units.moveIntro', { name: unit.name }) : ''}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="move-form">
        <Form.Item name="parentId" label={t('units.moveTarget')} rules={[requiredRule(t, t('units.moveTarget'), true)]}>
          <Select
            placeholder={t('units.moveSearch')}
            style={{ width: '100%' }}
            popupMatchSelectWidth
            loading={candidates.loading}
            options={options}
            showSearch={{ filterOption: false, onSearch: setTyped }}
            onChange={(id: string) => setChosen(listed.find((c) => c.id === id))}
            optionRender={(option) => (
              <span>
                {option.label}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {option.data.type}
                </Typography.Text>
              </span>
            )}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
