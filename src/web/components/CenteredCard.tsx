import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../features/shell/LanguageSwitch.js';
import { BrandMark } from '../features/shell/BrandMark.js';

/** The frame of the screens shown before the application: sign-in, setup, forced password change. */
export function CenteredCard({
  title,
  intro,
  wide,
  children,
}: {
  title: string;
  intro?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="steady-centered">
      <div className={`steady-centered-card${wide ? ' wide' : ''}`}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 8 }}
        >
          <BrandMark />
          <LanguageSwitch size="small" />
        </div>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
          {children}
        </Card>
      </div>
    </div>
  );
}
