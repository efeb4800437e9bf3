import { ArrowLeftOutlined, FileWordOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Result, Skeleton, Tag, Typography } from 'antd';
import { useState, type MouseEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { downloadFile } from '../../components/download.js';
import { applyProblem } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { incidentTypeLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';
import { useLive } from '../notifications/live.js';
import { reportsApi, type ReportView } from './api.js';
import { useReportText } from './i18n.js';
import { fieldLabel, ReceptionTag, StateTag, useStageName } from './labels.js';
import { ReportActions } from './ReportActions.js';
import { fromFormValues, ReportForm, type FormValues } from './ReportForm.js';
import { ExchangeList, VersionHistory } from './VersionHistory.js';
import './reports.css';

function Header({ report }: { report: ReportView }) {
  const rt = useReportText();
  const t = useT();
  const { locale } = useLocale();
  const open = report.duties.find((d) => d.state === 'open');
  const severity = report.incident.severity as 1 | 2 | 3 | 4;
  return (
    <Card size="small">
      <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
        <StateTag state={report.state} />
        <ReceptionTag reception={report.reception} />
        <Tag style={{ marginInlineEnd: 0 }}>{rt('report.version', { n: report.version })}</Tag>
        {report.late && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {rt('duty.late')}
          </Tag>
        )}
      </Flex>
      <Typography.Text strong style={{ display: 'block' }}>
        {report.unitName} → {report.toUnitName}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {[incidentTypeLabel(t, report.incident.type), rt(`severity.${severity}`), report.incident.place].join(' · ')}
      </Typography.Text>
      {open && (
        <Typography.Text type={report.late ? 'danger' : undefined} data-testid="report-due">
          {rt('report.due', { time: formatDateTime(open.dueAt, locale) })}
        </Typography.Text>
      )}
      {report.forwardedFrom && (
        <div>
          <Link to={`/incident-reports/${report.forwardedFrom.id}`}>
            {rt('report.forwardedFrom', { unit: report.forwardedFrom.unitName })}
          </Link>
        </div>
      )}
      {report.forwardedAs && (
        <div>
          <Link to={`/incident-reports/${report.forwardedAs.id}`}>
            {rt('report.forwardedAs', { unit: report.forwardedAs.unitName })}
          </Link>
        </div>
      )}
    </Card>
  );
}

/**
 * One report: the handler drafts and submits it, the head signs it off, it is sent; the unit above
 * accepts, returns or forwards it. Every version and the whole exchange are shown under it.
 */
export default function ReportPage() {
  const { id = '' } = useParams();
  const rt = useReportText();
  const name = useStageName();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const loaded = useResource(() => reportsApi.get(id), [id]);
  const report = loaded.data;
  useLive((event) => {
    if (event.kind === 'incident' && report && event.incidentId === report.incidentId && !form.isFieldsTouched())
      loaded.reload();
  });

  if (!report) {
    if (loaded.error instanceof ApiError && loaded.error.status === 404)
      return <Result status="404" title={rt('report.notFound')} />;
    return loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : <Skeleton active />;
  }
  const current = report.versions.find((v) => v.version === report.version)!;
  const changed = () => {
    form.resetFields();
    loaded.reload();
  };
  const save = async (): Promise<ReportView | null> => {
    try {
      const next = await reportsApi.edit(report.id, fromFormValues(form.getFieldsValue(true) as FormValues));
      loaded.reload();
      return next;
    } catch (error) {
      const rest = applyProblem(form, error);
      if (rest) message.error(rest);
      return null;
    }
  };
  const act = async (which: 'save' | 'submit') => {
    setBusy(which);
    const saved = await save();
    if (saved && which === 'submit') {
      try {
        await reportsApi.submit(report.id);
        changed();
        message.success(rt('report.submitted'));
      } catch (error) {
        const rest = applyProblem(form, error);
        if (rest) message.error(rest);
      }
    } else if (saved) message.success(rt('report.saved'));
    setBusy(null);
  };
  const download = (event: MouseEvent) => {
    event.preventDefault();
    downloadFile(reportsApi.docxUrl(report.id), `incident-report-${report.stage}-${report.seq}.docx`, locale).catch(
      (error: unknown) => message.error(applyProblem(null, error)),
    );
  };
  const lastReturn = report.exchanges.filter((x) => x.kind === 'returned').pop();

  return (
    <div
      className="steady-report-page"
      data-testid="report-page"
      data-report-id={report.id}
      data-state={report.state}
      data-reception={report.reception ?? ''}
    >
      <PageTitle
        title={name(report.stage, report.seq)}
        extra={
          <Link to={`/incidents/${report.incidentId}`}>
            <Button icon={<ArrowLeftOutlined />}>{rt('report.incident')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={12}>
        <Header report={report} />
        {report.returnReason && lastReturn && (
          <Alert
            type="warning"
            showIcon
            data-testid="returned"
            title={rt('report.returned', { unit: report.toUnitName, reason: report.returnReason })}
            description={
              lastReturn.dueAt
                ? rt('report.returnedDue', { time: formatDateTime(lastReturn.dueAt, locale) })
                : undefined
            }
          />
        )}
        {report.can.edit && report.missing.length > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="missing"
            title={rt('report.missing', {
              fields: report.missing
                .map((f) => fieldLabel(rt, f.replace(/^content\./, '')))
                .join(locale === 'en' ? ', ' : '、'),
            })}
          />
        )}
        {report.state === 'submitted' && !report.can.signOff && (
          <Alert type="info" showIcon title={rt('report.waitingSignOff')} />
        )}
        <Card size="small">
          <ReportForm
            key={`${report.id}-${report.version}-${report.state}`}
            form={form}
            report={report}
            initial={current.content}
            disabled={!report.can.edit}
          />
          {report.can.edit && (
            <Flex gap={8} wrap>
              <Button
                icon={<SaveOutlined />}
                loading={busy === 'save'}
                disabled={busy !== null}
                onClick={() => void act('save')}
                data-testid="save-draft"
              >
                {rt('report.save')}
              </Button>
              {report.can.submit && !report.can.signOff && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'submit'}
                  disabled={busy !== null}
                  onClick={() => void act('submit')}
                  data-testid="submit"
                >
                  {rt('report.submit')}
                </Button>
              )}
            </Flex>
          )}
        </Card>
        <ReportActions
          report={report}
          onChanged={changed}
          beforeSignOff={report.can.edit ? async () => (await save()) !== null : undefined}
        />
        <Button
          icon={<FileWordOutlined />}
          href={reportsApi.docxUrl(report.id)}
          onClick={download}
          data-testid="report-docx"
        >
          {rt('report.download')}
        </Button>
        <VersionHistory report={report} />
        <ExchangeList report={report} />
      </Flex>
    </div>
  );
}
