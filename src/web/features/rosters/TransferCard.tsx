import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { applyProblem } from '../../components/form-errors.js';
import { downloadFile } from '../../components/download.js';
import { useLocale } from '../../i18n/index.js';
import { rostersApi } from './api.js';
import { useRosterText } from './i18n.js';

/** A school's whole roster as a spreadsheet: imported all or nothing, every problem named by row and column. */
export function TransferCard({ unitId, onImported }: { unitId: string; onImported: () => void }) {
  const rt = useRosterText();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: string } | { title: string; problems: string[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      const done = await rostersApi.importFile(unitId, file);
      setResult({ ok: rt('transfer.done', done) });
      setFile(null);
      if (input.current) input.current.value = '';
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length)
        setResult({ title: error.problem.title, problems: error.fieldErrors.map((e) => e.message) });
      else message.error(applyProblem(null, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={rt('transfer.title')} data-testid="roster-transfer">
      <Typography.Paragraph type="secondary">{rt('transfer.columns')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile(rostersApi.exportUrl(unitId), 'class-roster.xlsx', locale).catch((e: unknown) =>
              message.error(applyProblem(null, e)),
            )
          }
        >
          {rt('transfer.export')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="roster-file"
        />
        <Button onClick={() => input.current?.click()}>{rt('transfer.choose')}</Button>
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
          {file?.name ?? rt('transfer.noFile')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!file}
          loading={busy}
          onClick={() => void upload()}
          data-testid="roster-import"
        >
          {rt('transfer.import')}
        </Button>
      </Flex>
      {result && 'ok' in result && <Alert style={{ marginTop: 12 }} type="success" showIcon title={result.ok} />}
      {result && 'problems' in result && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={result.title}
          data-testid="import-problems"
          description={
            <ul>
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
