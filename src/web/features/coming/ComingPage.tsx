import { ClockCircleOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.js';
import type { Capability } from '../shell/navigation.js';

/** An honest page for a capability that a later release brings: what it will do, nothing more. */
export default function ComingPage({ capability }: { capability: Capability }) {
  const t = useT();
  const name = t(capability.label);
  return (
    <Card>
      <Result
        icon={<ClockCircleOutlined style={{ color: '#8c9bb0' }} />}
        title={
          <span>
            {t('coming.title', { name })} <Tag color="blue">{t('coming.badge')}</Tag>
          </span>
        }
        subTitle={
          capability.coming && (
            <Typography.Paragraph style={{ maxWidth: 640, margin: '0 auto', fontSize: 15 }}>
              {t(capability.coming)}
            </Typography.Paragraph>
          )
        }
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
