import { CheckCircleOutlined, FlagOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useMe } from '../auth/session.js';
import { inspectionsApi, RISKS, type Risk, type Task } from './api.js';
import { useInspectionText } from './i18n.js';
import { PhotoField } from './PhotoField.js';
import { useUnitPeople } from './useUnitPeople.js';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

interface Props {
  task: Task;
  onChanged: (task: Task) => void;
}

/** Runs one call; a refusal is shown where the user is looking, in the server's own words. */
function useAction(onChanged: (task: Task) => void) {
  const { message } = App.useApp();
  const tn = useInspectionText();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (name: string, call: () => Promise<Task>) => {
    setBusy(name);
    setFailure(null);
    try {
      onChanged(await call());
      message.success(tn('task.done'));
      return true;
    } catch (error) {
      setFailure(applyProblem(null, error));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, failure, run };
}

/** What the owner, a verifier or a supervising unit can do with the task now. */
export function TaskActions({ task, onChanged }: Props) {
  const tn = useInspectionText();
  const me = useMe();
  const { busy, failure, run } = useAction(onChanged);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [newDue, setNewDue] = useState('');
  const [supervising, setSupervising] = useState(false);
  const [editing, setEditing] = useState(false);
  const { busy: modalBusy, failure: modalFailure, run: runModal } = useAction((t) => (setNote(''), onChanged(t)));

  const isOwner = task.ownerPersonId === me.personId;
  const waiting = task.state === 'awaiting_verification';
  return (
    <>
      {task.can.reportFixed && (
        <Card
          size="small"
          title={tn('task.reportFixed')}
          data-testid="report-fixed-panel"
          className="steady-insp-action"
        >
          <Typography.Paragraph type="secondary">{tn('task.reportIntro')}</Typography.Paragraph>
          <PhotoField unitId={task.unitId} value={photos} onChange={setPhotos} testId="fix-photo-input" />
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={tn('task.fixNote')}
            aria-label={tn('task.fixNote')}
            autoSize={{ minRows: 2 }}
            style={{ margin: '8px 0', fontSize: 16 }}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={busy === 'fixed'}
            disabled={photos.length === 0}
            onClick={() =>
              void run('fixed', () => inspectionsApi.reportFixed(task.id, { note, photoIds: photos })).then(
                (ok) => ok && (setNote(''), setPhotos([])),
              )
            }
            data-testid="send-fixed"
          >
            {photos.length === 0 ? tn('task.needFixPhoto') : tn('task.send')}
          </Button>
        </Card>
      )}
      {task.can.verify && (
        <Card size="small" title={tn('task.verify')} data-testid="verify-panel" className="steady-insp-action">
          <Typography.Paragraph type="secondary">{tn('task.verifyIntro')}</Typography.Paragraph>
          <PhotoField unitId={task.unitId} value={photos} onChange={setPhotos} testId="verify-photo-input" />
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={tn('task.verifyNote')}
            aria-label={tn('task.verifyNote')}
            autoSize={{ minRows: 2 }}
            style={{ margin: '8px 0', fontSize: 16 }}
          />
          <Flex vertical gap={8}>
            <Button
              type="primary"
              size="large"
              icon={<CheckCircleOutlined />}
              loading={busy === 'accept'}
              disabled={photos.length === 0}
              onClick={() =>
                void run('accept', () =>
                  inspectionsApi.verify(task.id, { decision: 'accept', note, photoIds: photos }),
                ).then((ok) => ok && (setNote(''), setPhotos([])))
              }
              data-testid="verify-accept"
            >
              {photos.length === 0 ? tn('task.needPhoto') : tn('task.accept')}
            </Button>
            <label>
              <Typography.Text type="secondary">{tn('task.newDue')}</Typography.Text>
              <DateTimeField
                unitId={task.unitId}
                value={newDue || null}
                min="now"
                allowClear
                onChange={(v) => setNewDue(v ?? '')}
                aria-label={tn('task.newDue')}
              />
            </label>
            <Button
              size="large"
              danger
              icon={<RollbackOutlined />}
              loading={busy === 'reject'}
              onClick={() =>
                void run('reject', () =>
                  inspectionsApi.verify(task.id, {
                    decision: 'reject',
                    note,
                    photoIds: photos,
                    ...(newDue ? { dueAt: newDue } : {}),
                  }),
                ).then((ok) => ok && (setNote(''), setPhotos([]), setNewDue('')))
              }
            >
              {tn('task.reject')}
            </Button>
          </Flex>
        </Card>
      )}
      {waiting && !task.can.verify && isOwner && (
        <Alert type="info" showIcon title={tn('task.ownerOnlyNote')} style={{ marginBottom: 12 }} />
      )}
      {waiting && !task.can.verify && !isOwner && task.supervision && (
        <Alert
          type="info"
          showIcon
          title={tn('task.supervisedNote', { unit: task.supervision.unitName })}
          style={{ marginBottom: 12 }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="task-error" />}
      <Flex gap={8} wrap>
        {task.can.supervise && (
          <Button size="large" icon={<FlagOutlined />} onClick={() => setSupervising(true)} data-testid="supervise">
            {tn('task.supervise')}
          </Button>
        )}
        {task.can.edit && (
          <Button size="large" onClick={() => setEditing(true)}>
            {tn('task.edit')}
          </Button>
        )}
      </Flex>
      <Modal
        open={supervising}
        title={tn('task.supervise')}
        okText={tn('task.supervise')}
        cancelText={tn('common.cancel')}
        confirmLoading={modalBusy === 'supervise'}
        destroyOnHidden
        onCancel={() => setSupervising(false)}
        onOk={() =>
          void runModal('supervise', () => inspectionsApi.supervise(task.id, note)).then(
            (ok) => ok && setSupervising(false),
          )
        }
      >
        <Typography.Paragraph type="secondary">{tn('task.superviseIntro')}</Typography.Paragraph>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={tn('task.superviseNote')}
          autoSize={{ minRows: 2 }}
        />
        {modalFailure && <Alert type="error" showIcon title={modalFailure} style={{ marginTop: 12 }} />}
      </Modal>
      {editing && (
        <EditModal task={task} onClose={() => setEditing(false)} onChanged={(t) => (setEditing(false), onChanged(t))} />
      )}
    </>
  );
}

function EditModal({ task, onClose, onChanged }: { task: Task; onClose: () => void; onChanged: (t: Task) => void }) {
  const tn = useInspectionText();
  const [form] = Form.useForm<{ ownerPersonId: string; dueAt: string; risk: Risk }>();
  const { people } = useUnitPeople(task.unitId);
  const { busy, failure, run } = useAction(onChanged);
  return (
    <Modal
      open
      title={tn('task.editTitle')}
      okText={tn('task.save')}
      cancelText={tn('common.cancel')}
      confirmLoading={busy !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ownerPersonId: task.ownerPersonId, dueAt: task.dueAt, risk: task.risk }}
        onFinish={(v) =>
          void run('edit', () =>
            inspectionsApi.updateTask(task.id, {
              ownerPersonId: v.ownerPersonId,
              risk: v.risk,
              ...(v.dueAt !== task.dueAt ? { dueAt: v.dueAt } : {}),
            }),
          )
        }
      >
        <Form.Item name="ownerPersonId" label={tn('task.owner')}>
          <Select
            options={people.length ? people : [{ value: task.ownerPersonId, label: task.ownerName }]}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="dueAt" label={tn('task.due')}>
          <DateTimeField unitId={task.unitId} />
        </Form.Item>
        <Form.Item name="risk" label={tn('task.risk')}>
          <Select options={RISKS.map((r) => ({ value: r, label: tn(`risk.${r}`) }))} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Modal>
  );
}
