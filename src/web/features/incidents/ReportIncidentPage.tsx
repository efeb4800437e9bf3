import { Alert, App, Button, Card, Form, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { IncidentType } from '../../../common/org.js';
import { applyProblem } from '../../components/form-errors.js';
import { PageTitle } from '../../components/PageTitle.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { incidentsApi } from './api.js';
import { TEXT_MAX } from './format.js';
import { useIncidentText } from './i18n.js';
import { uploadAll } from './photo-uploads.js';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.js';
import { PrinciplesStrip } from './PrinciplesStrip.js';
import { SeverityPicker } from './SeverityPicker.js';
import { TypeGrid } from './TypeGrid.js';
import './incidents.css';
import { DateTimeField } from '../../components/date-fields/DateTimeField.js';

interface Values {
  unitId: string;
  type: IncidentType;
  severity: number;
  place: string;
  description: string;
  occurredAt?: string;
  drill: boolean;
}

/**
 * Reporting from a phone in seconds: a tap for the type, a tap for the severity, a few words for
 * place and what happened, and send. Photos go up one by one once the incident exists.
 */
export default function ReportIncidentPage() {
  const it = useIncidentText();
  const me = useMe();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const drill = Form.useWatch('drill', form);
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? me.scopes[0]?.unitId;
  const required = (field: string) => [{ required: true, whitespace: true, message: it('report.required', { field }) }];

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const incident = await incidentsApi.report({
        unitId: values.unitId,
        type: values.type,
        severity: values.severity,
        place: values.place.trim(),
        description: values.description.trim(),
        drill: values.drill,
        ...(values.occurredAt ? { occurredAt: values.occurredAt } : {}),
      });
      setCreated(incident.id);
      message.success(it('report.sent'));
      const ended = photos.length
        ? await uploadAll(incident.id, photos, { csrfToken: me.csrfToken, locale }, setPhotos)
        : [];
      if (ended.some((p) => p.error)) {
        setBusy(false);
        return; // stay: the refused photos and their reasons are shown, with a way on to the incident
      }
      navigate(`/incidents/${incident.id}`);
    } catch (error) {
      setBusy(false);
      const rest = applyProblem(form, error);
      if (rest) setFailure(rest);
    }
  };

  const failed = photos.filter((p) => p.error);
  const uploaded = photos.filter((p) => p.progress !== undefined && p.progress >= 1).length;
  return (
    <div className="steady-report" data-testid="report-page">
      <PageTitle title={it('report.title')} />
      <PrinciplesStrip unitId={unitId} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {it('report.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={busy || created !== null}
          initialValues={{ unitId: me.scopes[0]?.unitId, severity: 4, drill: false }}
          onFinish={(values) => void submit(values)}
          data-testid="report-form"
        >
          <Form.Item
            name="unitId"
            label={it('report.unit')}
            rules={[{ required: true, message: it('report.required', { field: it('report.unit') }) }]}
          >
            <UnitPicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="type"
            label={it('report.type')}
            rules={[{ required: true, message: it('report.chooseType') }]}
          >
            <TypeGrid />
          </Form.Item>
          <Form.Item name="severity" label={it('report.severity')} extra={it('report.severityHint')}>
            <SeverityPicker />
          </Form.Item>
          <Form.Item name="place" label={it('report.place')} rules={required(it('report.place'))}>
            <Input size="large" maxLength={200} placeholder={it('report.placePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item name="description" label={it('report.description')} rules={required(it('report.description'))}>
            <Input.TextArea
              rows={3}
              maxLength={TEXT_MAX}
              placeholder={it('report.descriptionPlaceholder')}
              style={{ fontSize: 16 }}
            />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={it('report.occurredAt')}
            extra={`${it('report.occurredNow')} ${it('report.occurredHint')}`}
          >
            <DateTimeField unitId={unitId} max="now" allowClear data-testid="occurred-at" />
          </Form.Item>
          <Form.Item label={it('report.photos')}>
            <PhotoPicker photos={photos} onChange={setPhotos} disabled={busy || created !== null} />
          </Form.Item>
          <Form.Item
            name="drill"
            valuePropName="checked"
            label={it('report.drill')}
            extra={it('report.drillHint')}
            style={{ marginBottom: 16 }}
          >
            <Switch data-testid="drill-switch" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          {busy && photos.length > 0 && created && (
            <Alert
              type="info"
              showIcon
              title={it('report.uploading', { done: uploaded, total: photos.length })}
              style={{ marginBottom: 12 }}
            />
          )}
          {failed.length > 0 && created && (
            <Alert
              type="warning"
              showIcon
              data-testid="photo-errors"
              title={it('report.photosFailed')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {failed.map((p) => (
                    <li key={p.key}>{it('report.photoFailed', { name: p.file.name, message: p.error ?? '' })}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          {created && !busy ? (
            <Button
              type="primary"
              size="large"
              block
              className="steady-report-submit"
              disabled={false}
              onClick={() => navigate(`/incidents/${created}`)}
            >
              {it('report.openIncident')}
            </Button>
          ) : (
            <Button
              type="primary"
              danger={!drill}
              htmlType="submit"
              size="large"
              block
              loading={busy}
              className="steady-report-submit"
              data-testid="report-submit"
            >
              {it('report.submit')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
