import { Badge, Flex, Menu, Select, Tooltip } from 'antd';
import { useT } from '../../i18n/index.js';
import { sectionLabel, type SectionKey } from './plan-model.js';

export interface SectionMark {
  key: SectionKey;
  problems: number;
  blanks: number;
}

interface Props {
  sections: SectionMark[];
  current: SectionKey;
  onChange: (key: SectionKey) => void;
  /** A drop-down at the top instead of a list at the side (phones). */
  compact: boolean;
}

/** The plan's sections, each marked with its problems (red) and the blanks still to fill in (orange). */
export function SectionNav({ sections, current, onChange, compact }: Props) {
  const t = useT();

  const marks = (s: SectionMark) => (
    <Flex gap={4} align="center" style={{ flexShrink: 0 }}>
      {s.problems > 0 && <Badge count={s.problems} size="small" data-testid="section-problems" />}
      {s.blanks > 0 && (
        <Tooltip title={t('plan.blanks', { count: s.blanks })}>
          <Badge count={s.blanks} size="small" color="#faad14" />
        </Tooltip>
      )}
    </Flex>
  );
  const label = (s: SectionMark) => (
    <Flex justify="space-between" align="center" gap={8} data-section={s.key} data-problems={s.problems}>
      <span>{t(sectionLabel(s.key))}</span>
      {marks(s)}
    </Flex>
  );

  if (compact) {
    return (
      <Select
        value={current}
        onChange={onChange}
        options={sections.map((s) => ({ value: s.key, label: label(s) }))}
        aria-label={t('plan.sections')}
        style={{ width: '100%' }}
        size="large"
        virtual={false}
        listHeight={520}
        data-testid="section-select"
      />
    );
  }
  return (
    <nav aria-label={t('plan.sections')} data-testid="section-nav">
      <Menu
        mode="inline"
        className="steady-plan-sections"
        selectedKeys={[current]}
        onClick={({ key }) => onChange(key as SectionKey)}
        items={sections.map((s) => ({ key: s.key, label: label(s) }))}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
