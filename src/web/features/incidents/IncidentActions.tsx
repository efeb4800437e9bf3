import { DownloadOutlined, FileWordOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useLocale } from '../../i18n/index.js';
import { applyProblem } from '../../components/form-errors.js';
import { incidentsApi, type Incident } from './api.js';
import { downloadFile } from '../../components/download.js';
import { FORWARD_STATUSES, STATUSES } from './format.js';
import { useIncidentText } from './i18n.js';

interface Props {
  incident: Incident;
  manager: boolean;
  onChanged: () => void;
  onClose: () => void;
}

/** Where the incident stands, the buttons that move it forward, closing, and the exports. */
export function IncidentActions({ incident, manager, onChanged, onClose }: Props) {
  const it = useIncidentText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const { locale } = useLocale();
  const current = STATUSES.indexOf(incident.status);

  /** In the language chosen in Steady rather than the browser's; the link stays for "open in new tab". */
  const download = (event: MouseEvent, url: string, name: string) => {
    event.preventDefault();
    downloadFile(url, name, locale).catch((error: unknown) => message.error(applyProblem(null, error)));
  };
  const open = incident.status !== 'closed';

  const advance = async (status: (typeof FORWARD_STATUSES)[number]) => {
    setBusy(status);
    try {
      await incidentsApi.setStatus(incident.id, status);
      message.success(it('status.changed', { status: it(`status.${status}`) }));
      onChanged();
    } catch (error) {
      message.error(applyProblem(null, error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={it('status.title')} data-testid="incident-actions">
      <ol className="steady-status-path" data-testid="status-steps">
        {STATUSES.map((status, index) => (
          <li
            key={status}
            className={index < current ? 'passed' : index === current ? 'current' : ''}
            aria-current={index === current ? 'step' : undefined}
          >
            <span>{it(`status.${status}`)}</span>
          </li>
        ))}
      </ol>
      {manager && open && (
        // The handler's control: it says what it changes, and is told apart from the chain's 确认收到.
        <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px', fontSize: 12 }} data-testid="status-hint">
          {it('status.hint')}
        </Typography.Paragraph>
      )}
      {manager && open && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          {FORWARD_STATUSES.filter((s) => STATUSES.indexOf(s) > current).map((status) => (
            <Button
              key={status}
              loading={busy === status}
              disabled={busy !== null}
              onClick={() => void advance(status)}
              data-testid={`status-${status}`}
            >
              {it(`status.to.${status}`)}
            </Button>
          ))}
          <Button danger icon={<LockOutlined />} onClick={onClose} data-testid="close-incident">
            {it('close.button')}
          </Button>
        </Flex>
      )}
      <Flex gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          href={incidentsApi.capUrl(incident.id)}
          onClick={(event) => download(event, incidentsApi.capUrl(incident.id), `incident-${incident.id}.cap.xml`)}
          data-testid="export-cap"
        >
          {it('export.cap')}
        </Button>
        {incident.afterAction && (
          <Button
            icon={<FileWordOutlined />}
            href={incidentsApi.afterActionUrl(incident.id)}
            onClick={(event) =>
              download(event, incidentsApi.afterActionUrl(incident.id), `after-action-${incident.id}.docx`)
            }
            data-testid="export-docx"
          >
            {it('export.docx')}
          </Button>
        )}
      </Flex>
      {/* Official documents are in the unit's language; a reader of another language may ask for a copy in theirs. */}
      {incident.unitLanguage !== locale && (
        <Flex gap={4} wrap align="center" style={{ marginTop: 6, fontSize: 12 }} data-testid="export-in-my-language">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it('export.inMyLanguage')}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            href={incidentsApi.capUrl(incident.id, locale)}
            onClick={(event) =>
              download(event, incidentsApi.capUrl(incident.id, locale), `incident-${incident.id}.${locale}.cap.xml`)
            }
            data-testid="export-cap-mine"
          >
            {it('export.cap')}
          </Button>
          {incident.afterAction && (
            <Button
              size="small"
              type="link"
              href={incidentsApi.afterActionUrl(incident.id, locale)}
              onClick={(event) =>
                download(
                  event,
                  incidentsApi.afterActionUrl(incident.id, locale),
                  `after-action-${incident.id}.${locale}.docx`,
                )
              }
              data-testid="export-docx-mine"
            >
              {it('export.docx')}
            </Button>
          )}
        </Flex>
      )}
      {!open && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {it('close.done')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
