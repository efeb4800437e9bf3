import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { peopleApi, unitsApi } from '../../api/endpoints.js';
import { ROLE_COLOURS, roleLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useAsync } from '../../components/useAsync.js';
import { useT } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { COMING_CAPABILITIES } from '../shell/navigation.js';

/** What the user is responsible for, and the counts the API gives for it. */
export default function OverviewPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const counts = useAsync(
    async () => {
      const [units, people] = await Promise.all([unitsApi.list({ pageSize: 1 }), peopleApi.list({ pageSize: 1 })]);
      return { units: units.total, people: people.total };
    },
    [me.accountId],
  );

  return (
    <>
      <PageTitle title={t('overview.greeting', { name: me.name })} />
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      {counts.error ? <LoadError error={counts.error} onRetry={counts.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card hoverable onClick={() => navigate('/units')} data-testid="count-units">
            <Statistic title={t('overview.unitsVisible')} value={counts.data?.units ?? '—'} loading={counts.loading} prefix={<ApartmentOutlined />} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card hoverable onClick={() => navigate('/people')} data-testid="count-people">
            <Statistic title={t('overview.peopleVisible')} value={counts.data?.people ?? '—'} loading={counts.loading} prefix={<TeamOutlined />} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.myUnits')} size="small">
            <List
              dataSource={me.scopes}
              renderItem={(scope) => (
                <List.Item>
                  <Link to={`/units?unit=${scope.unitId}`}>{scope.unitName}</Link>
                  <span style={{ textAlign: 'right' }}>
                    {scope.roles.map((role) => (
                      <Tag key={role} color={ROLE_COLOURS[role]} style={{ marginBlock: 2 }}>
                        {roleLabel(t, role)}
                      </Tag>
                    ))}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('overview.coming')} size="small">
            <Row gutter={[12, 12]}>
              {COMING_CAPABILITIES.map((item) => (
                <Col key={item.path} xs={24} sm={12} xl={8}>
                  <Link to={item.path} style={{ color: 'inherit' }}>
                    <Card size="small" hoverable style={{ height: '100%' }}>
                      <Card.Meta
                        avatar={<span style={{ fontSize: 20, color: '#1f4e8c' }}>{item.icon}</span>}
                        title={t(item.label)}
                        description={<Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{item.coming && t(item.coming)}</Typography.Paragraph>}
                      />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
