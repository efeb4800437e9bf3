import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Segmented, Select, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX,
  DIRECTIVE_TEXT_MAX,
  DIRECTIVE_TITLE_MAX,
} from '../../../common/schemas/directives.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { PageTitle } from '../../components/PageTitle.js';
import { managedUnitIds } from '../auth/permissions.js';
import { useMe } from '../auth/session.js';
import { directivesApi, sendWithAttachments, type NewDirective } from './api.js';
import { useDirectiveText } from './i18n.js';
import { TargetPicker } from './TargetPicker.js';
import './directives.css';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';
import { useFieldDefault, useUnitMoment } from '../../components/date-fields/useUnitMoment.js';

interface Values {
  senderUnitId: string;
  kind: 'notice' | 'directive';
  title: string;
  text: string;
  targetUnitIds: string[];
  signDueAt: string;
  replyDueAt?: string;
}

const MB = Math.round(ATTACHMENT_MAX_BYTES / 1024 / 1024);

/** Sending a notice or directive down the tree: from which unit, to which, by when, with which files. */
export default function NewDirectivePage() {
  const dt = useDirectiveText();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const senders = useMemo(() => {
    const managed = managedUnitIds(me);
    return me.scopes.filter((s) => managed.has(s.unitId));
  }, [me]);
  const [senderId, setSenderId] = useState<string | undefined>(senders[0]?.unitId);
  // Tomorrow at 12:00 on the sending unit's clock, the usual sign-for deadline.
  useFieldDefault(form, 'signDueAt', useUnitMoment(senders[0]?.unitId, 1, '12:00'));
  const required = (field: string) => [{ required: true, whitespace: true, message: dt('new.required', { field }) }];

  const { busy, submit, failure } = useFormSubmit(
    form,
    async (v: Values) => {
      const body: NewDirective = {
        senderUnitId: v.senderUnitId,
        kind: v.kind,
        title: v.title.trim(),
        text: v.text.trim(),
        targetUnitIds: v.targetUnitIds,
        signDueAt: v.signDueAt,
        replyDueAt: v.replyDueAt || null,
      };
      const picked = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f));
      const sent = picked.length ? await sendWithAttachments(body, picked) : await directivesApi.send(body);
      message.success(dt('new.sent'));
      navigate(`/directives/${sent.id}`);
    },
    { inline: true },
  );

  if (senders.length === 0) return <Empty description={dt('new.noSender')} />;

  return (
    <div className="steady-dir" data-testid="new-directive-page">
      <PageTitle title={dt('new.title')} />
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy}
          initialValues={{ senderUnitId: senders[0]!.unitId, kind: 'notice', targetUnitIds: [] }}
          onValuesChange={(changed: Partial<Values>) => {
            if (!changed.senderUnitId) return;
            setSenderId(changed.senderUnitId);
            form.setFieldValue('targetUnitIds', []);
          }}
          onFinish={(v) => void submit(v)}
          data-testid="directive-form"
        >
          <Form.Item name="senderUnitId" label={dt('new.sender')}>
            <Select
              options={senders.map((s) => ({ value: s.unitId, label: s.unitName }))}
              disabled={senders.length === 1}
              data-testid="sender-unit"
            />
          </Form.Item>
          <Form.Item name="kind" label={dt('new.kind')}>
            <Segmented
              options={[
                { value: 'notice', label: dt('kind.notice') },
                { value: 'directive', label: dt('kind.directive') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={dt('new.subject')} rules={required(dt('new.subject'))}>
            <Input maxLength={DIRECTIVE_TITLE_MAX} size="large" data-testid="directive-title" />
          </Form.Item>
          <Form.Item name="text" label={dt('new.text')} rules={required(dt('new.text'))}>
            <Input.TextArea
              rows={6}
              maxLength={DIRECTIVE_TEXT_MAX}
              style={{ fontSize: 16 }}
              data-testid="directive-text-input"
            />
          </Form.Item>
          <Form.Item
            name="targetUnitIds"
            label={dt('new.targets')}
            extra={dt('new.targetsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: dt('new.chooseTargets') }]}
          >
            <TargetPicker senderId={senderId} />
          </Form.Item>
          <Form.Item name="signDueAt" label={dt('new.signBy')} rules={required(dt('new.signBy'))}>
            <DateTimeField unitId={senderId} min="now" data-testid="sign-due" />
          </Form.Item>
          <Form.Item name="replyDueAt" label={dt('new.replyBy')} extra={dt('new.replyHint')}>
            <DateTimeField unitId={senderId} min="now" allowClear data-testid="reply-due" />
          </Form.Item>
          <Form.Item label={dt('new.attachments')} extra={dt('new.attachmentsHint', { max: ATTACHMENTS_MAX, mb: MB })}>
            <Upload
              multiple
              fileList={files}
              beforeUpload={(file) => {
                if (file.size > ATTACHMENT_MAX_BYTES) message.warning(dt('new.tooLarge', { name: file.name, mb: MB }));
                return false;
              }}
              onChange={({ fileList }) => {
                const fitting = fileList.filter((f) => (f.size ?? 0) <= ATTACHMENT_MAX_BYTES);
                if (fitting.length > ATTACHMENTS_MAX) message.warning(dt('new.tooMany', { max: ATTACHMENTS_MAX }));
                setFiles(fitting.slice(0, ATTACHMENTS_MAX));
              }}
            >
              <Button icon={<UploadOutlined />}>{dt('new.pick')}</Button>
            </Upload>
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="send-directive">
            {dt('new.send')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
