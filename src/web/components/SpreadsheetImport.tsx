import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { applyProblem } from './form-errors.js';

interface Props {
  /** Sends the file; resolves to what to say when it was taken. */
  upload: (file: File) => Promise<string>;
  labels: { choose: string; noFile: string; import: string };
  /** Shown under the buttons (what the file must hold). */
  hint?: ReactNode;
}

/**
 * Choosing a spreadsheet and importing it, all or nothing: when the server refuses the file, every
 * problem it names (row and column) is listed in place, so it can be mended in one go.
 */
export function SpreadsheetImport({ upload, labels, hint }: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: string } | { problems: string[]; title: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      setResult({ ok: await upload(file) });
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
        <Button onClick={() => input.current?.click()}>{labels.choose}</Button>
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
          {file?.name ?? labels.noFile}
        </Typography.Text>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!file}
          loading={busy}
          onClick={() => void send()}
          data-testid="roster-import"
        >
          {labels.import}
        </Button>
      </Flex>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {result && 'ok' in result && <Alert style={{ marginTop: 12 }} type="success" showIcon title={result.ok} />}
      {result && 'problems' in result && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={result.title}
          data-testid="import-problems"
          description={
            <ul className="steady-import-problems">
              {result.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
