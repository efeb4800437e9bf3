import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { applyProblem } from '../../components/form-errors.js';
import { downloadFile } from '../../components/download.js';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.js';
import { useLocale } from '../../i18n/index.js';
import { rostersApi } from './api.js';
import { useRosterText } from './i18n.js';

/** A school's whole roster as a spreadsheet: imported all or nothing, every problem named by row and column. */
export function TransferCard({ unitId, onImported }: { unitId: string; onImported: () => void }) {
  const rt = useRosterText();
  const { locale } = useLocale();
  const { message } = App.useApp();
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
      </Flex>
      <div style={{ marginTop: 12 }}>
        <SpreadsheetImport
          upload={async (file) => {
            const done = await rostersApi.importFile(unitId, file);
            onImported();
            return rt('transfer.done', done);
          }}
          labels={{ choose: rt('transfer.choose'), noFile: rt('transfer.noFile'), import: rt('transfer.import') }}
        />
      </div>
    </Card>
  );
}
