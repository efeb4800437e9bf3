import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { downloadFile } from '../../components/download.js';
import { dutyApi, importRoster } from './api.js';
import { addDays } from './dates.js';
import { useDutyText } from './i18n.js';
import { DateField } from '../../components/date-fields/DateField.js';

/**
 * The roster as the spreadsheet units keep (日期/Date, 班次/Shift, 开始/Start, 结束/End, 带班领导/Duty
 * leader, 值班人员/Duty staff). An import is all or nothing; every problem is listed by row and column.
 */
export function ImportExportCard({ unitId, today, keeper }: { unitId: string; today: string; keeper: boolean }) {
  const dt = useDutyText();
  const { locale } = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 27));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: string } | { problems: string[]; title: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const download = () =>
    downloadFile(dutyApi.exportUrl(unitId, from, to), `duty-roster-${from}-${to}.xlsx`, locale).catch((e: unknown) =>
      message.error(applyProblem(null, e)),
    );
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const done = await importRoster(unitId, file, { csrfToken: me.csrfToken, locale });
      setResult({ ok: dt('import.done', { n: done.shifts, from: done.from, to: done.to }) });
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length)
        setResult({ title: error.problem.title, problems: error.fieldErrors.map((e) => e.message) });
      else message.error(applyProblem(null, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={dt('import.title')} data-testid="roster-import-export">
      <Typography.Paragraph type="secondary">{dt('import.columns')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DateField
          value={from}
          max={to}
          onChange={(v) => v && setFrom(v)}
          style={{ width: 150 }}
          aria-label={dt('import.from')}
        />
        <span>–</span>
        <DateField
          value={to}
          min={from}
          onChange={(v) => v && setTo(v)}
          style={{ width: 150 }}
          aria-label={dt('import.to')}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="roster-export">
          {dt('import.export')}
        </Button>
      </Flex>
      {keeper && (
        <>
          <Flex gap={8} wrap align="center">
            <input
              ref={input}
              type="file"
              hidden
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="roster-file"
            />
            <Button onClick={() => input.current?.click()}>{dt('import.choose')}</Button>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
              {file?.name ?? dt('import.noFile')}
            </Typography.Text>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={!file}
              loading={busy}
              onClick={() => void upload()}
              data-testid="roster-import"
            >
              {dt('import.import')}
            </Button>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {dt('import.hint')}
          </Typography.Paragraph>
        </>
      )}
      {result && 'ok' in result && <Alert type="success" showIcon title={result.ok} />}
      {result && 'problems' in result && (
        <Alert
          type="error"
          showIcon
          title={result.title}
          data-testid="import-problems"
          description={
            <ul className="duty-gaps">
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
