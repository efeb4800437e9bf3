import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { dutyApi, type DutyPerson, type ShiftView } from './api.js';
import { dayLabel, timeOf } from './dates.js';
import { useDutyText } from './i18n.js';
import { useLocale } from '../../i18n/index.js';
import { KIND_KEYS } from './ShiftCard.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';

const personOptions = (people: Pick<DutyPerson, 'id' | 'name' | 'phone'>[]) =>
  people.map((p) => ({ value: p.id, label: p.name, search: `${p.name} ${p.phone ?? ''}` }));

function useShiftLabel(zone: string) {
  const dt = useDutyText();
  const { locale } = useLocale();
  return (s: ShiftView) => `${dayLabel(s.localDate, locale)} ${dt(KIND_KEYS[s.kind])} ${timeOf(s.startsAt, zone)}`;
}

interface SwapProps {
  source: ShiftView;
  /** The shift it was dropped on (or tapped); none when asking someone to cover. */
  target: ShiftView | null;
  people: DutyPerson[];
  zone: string;
  meId: string;
  onClose: () => void;
  onDone: () => void;
}

/** Proposes a swap: the other person's consent is asked; nothing changes until they give it. */
export function SwapModal({ source, target, people, zone, meId, onClose, onDone }: SwapProps) {
  const dt = useDutyText();
  const label = useShiftLabel(zone);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ withPersonId: string; note: string }>();
  const onSource = new Set([source.dutyLeader?.id, ...source.staff.map((p) => p.id)]);
  const candidates = target
    ? [target.dutyLeader, ...target.staff].filter(
        (p): p is NonNullable<typeof p> => Boolean(p) && p!.id !== meId && !onSource.has(p!.id),
      )
    : people.filter((p) => !onSource.has(p.id));
  const only = target && candidates.length === 1 ? candidates[0]!.id : undefined;
  useEffect(() => form.setFieldsValue({ withPersonId: only }), [form, only, target, candidates.length]);

  const { busy, submit } = useFormSubmit(form, async (values: { withPersonId: string; note?: string }) => {
    await dutyApi.proposeSwap({
      shiftId: source.id,
      withPersonId: values.withPersonId,
      otherShiftId: target?.id ?? null,
      note: values.note ?? '',
    });
    message.success(dt('swap.sent'));
    onDone();
  });

  return (
    <Modal
      open
      title={dt(target ? 'swap.titleExchange' : 'swap.titleCover')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={dt('swap.send')}
      confirmLoading={busy}
      okButtonProps={{ id: 'swap-send' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {target
          ? dt('swap.explainExchange', { mine: label(source), theirs: label(target) })
          : dt('swap.explainCover', { mine: label(source) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="withPersonId"
          label={dt('swap.with')}
          rules={[{ required: true, message: dt('swap.withRequired') }]}
        >
          <Select
            options={personOptions(candidates)}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={dt('common.pickPerson')}
            data-testid="swap-person"
          />
        </Form.Item>
        <Form.Item name="note" label={dt('swap.note')}>
          <Input maxLength={500} placeholder={dt('swap.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Writes the handover of a shift: what happened, what is pending. */
export function HandoverModal({
  shift,
  zone,
  onClose,
  onDone,
}: {
  shift: ShiftView;
  zone: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const dt = useDutyText();
  const label = useShiftLabel(zone);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ happened: string; pending: string }>();
  const { busy, submit } = useFormSubmit(form, async (values: { happened: string; pending?: string }) => {
    await dutyApi.writeHandover(shift.id, values.happened, values.pending ?? '');
    message.success(dt('handover.saved'));
    onDone();
  });
  return (
    <Modal
      open
      title={dt('handover.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={dt('handover.save')}
      confirmLoading={busy}
      okButtonProps={{ id: 'handover-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{label(shift)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="happened"
          label={dt('handover.happened')}
          rules={[{ required: true, whitespace: true, message: dt('handover.happenedRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={4000}
            placeholder={dt('handover.happenedPlaceholder')}
            data-testid="handover-happened"
          />
        </Form.Item>
        <Form.Item name="pending" label={dt('handover.pending')}>
          <Input.TextArea
            rows={3}
            maxLength={4000}
            placeholder={dt('handover.pendingPlaceholder')}
            data-testid="handover-pending"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The safety officer sets a shift's people directly; the change is audited with its reason. */
export function OverrideModal({
  shift,
  people,
  zone,
  onClose,
  onDone,
}: {
  shift: ShiftView;
  people: DutyPerson[];
  zone: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const dt = useDutyText();
  const label = useShiftLabel(zone);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dutyLeaderId: string | null; staffIds: string[]; reason: string }>();
  const { busy, submit } = useFormSubmit(
    form,
    async (values: { dutyLeaderId?: string | null; staffIds?: string[]; reason?: string }) => {
      await dutyApi.override(shift.id, {
        dutyLeaderId: values.dutyLeaderId ?? null,
        staffIds: values.staffIds ?? [],
        reason: values.reason ?? '',
      });
      message.success(dt('override.saved'));
      onDone();
    },
  );
  return (
    <Modal
      open
      title={dt('override.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={dt('override.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {label(shift)} · {dt('override.audited')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          dutyLeaderId: shift.dutyLeader?.id ?? null,
          staffIds: shift.staff.map((p) => p.id),
          reason: '',
        }}
      >
        <Form.Item name="dutyLeaderId" label={dt('shift.leader')}>
          <Select
            allowClear
            options={personOptions(people)}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={dt('common.pickPerson')}
          />
        </Form.Item>
        <Form.Item name="staffIds" label={dt('shift.staff')}>
          <Select
            mode="multiple"
            options={personOptions(people)}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={dt('common.pickPerson')}
          />
        </Form.Item>
        <Form.Item name="reason" label={dt('override.reason')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
