import { Typography } from 'antd';
import { blanksBySection, type PlanBlank } from '../../../common/plan-blanks.js';
import { useT } from '../../i18n/index.js';
import { sectionLabel } from './plan-model.js';

/**
 * The 【待填写】 blanks a plan still has, as the server listed them: one line per section, with the
 * section's name, how many, and the blanks themselves (shown in the publish dialog and above the export).
 */
export function BlanksList({ blanks, testId }: { blanks: PlanBlank[]; testId: string }) {
  const t = useT();
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid={testId}>
      {blanksBySection(blanks).map(({ section, blanks: here }) => (
        <li key={section} data-section={section} data-count={here.length}>
          <Typography.Text strong>
            {t('plan.blanksInSection', { section: t(sectionLabel(section)), count: here.length })}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">{[...new Set(here.map((b) => b.text))].join(' ')}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
