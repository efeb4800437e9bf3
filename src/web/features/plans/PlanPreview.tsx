import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import { plansApi } from '../../api/endpoints.js';
import { useT } from '../../i18n/index.js';
import { BlanksList } from './BlanksList.js';

/** An A4 sheet with its grey margin, in CSS pixels. */
const SHEET_WIDTH = 840;

/** The container's width, followed as it changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(SHEET_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** The saved version as its print view (shrunk to fit a phone), with the print and Word buttons. */
export function PlanPreview({ plan, dirty }: { plan: PlanVersion; dirty: boolean }) {
  const t = useT();
  const { ref, width } = useWidth();
  const scale = Math.min(1, width / SHEET_WIDTH);
  const printUrl = plansApi.printUrl(plan.planId, plan.version);
  return (
    <div data-testid="plan-preview">
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {t('plan.previewHint')}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<PrinterOutlined />} href={printUrl} target="_blank" rel="noopener" data-testid="plan-print">
            {t('plan.print')}
          </Button>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            href={plansApi.docxUrl(plan.planId, plan.version)}
            download
            data-testid="plan-docx"
          >
            {t('plan.exportWord')}
          </Button>
        </Flex>
      </Flex>
      {dirty && <Alert type="warning" showIcon title={t('plan.previewUnsaved')} style={{ marginBottom: 12 }} />}
      {/* Export warns: the server's list of blanks this version still prints. */}
      {plan.blanks.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="export-blanks"
          title={t('plan.exportBlanks', { count: plan.blanks.length })}
          description={<BlanksList blanks={plan.blanks} testId="export-blanks-list" />}
        />
      )}
      <div ref={ref} className="steady-plan-preview">
        {/* The key reloads the frame after each save. */}
        <iframe
          key={plan.updatedAt}
          src={printUrl}
          title={t('plan.previewFrame')}
          style={{ width: `${100 / scale}%`, height: `${100 / scale}%`, transform: `scale(${scale})` }}
        />
      </div>
    </div>
  );
}
