import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { downloadFile } from '../../components/download.js';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.js';
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

  const download = () =>
    downloadFile(dutyApi.exportUrl(unitId, from, to), `duty-roster-${from}-${to}.xlsx`, locale).catch((e: unknown) =>
      message.error(applyProblem(null, e)),
    );
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
        <SpreadsheetImport
          upload={async (file) => {
            const done = await importRoster(unitId, file, { csrfToken: me.csrfToken, locale });
            return dt('import.done', { n: done.shifts, from: done.from, to: done.to });
          }}
          labels={{ choose: dt('import.choose'), noFile: dt('import.noFile'), import: dt('import.import') }}
          hint={dt('import.hint')}
        />
      )}
    </Card>
  );
}
