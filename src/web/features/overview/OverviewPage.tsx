import {
  AlertOutlined,
  ApartmentOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { peopleApi, unitsApi } from '../../api/endpoints.js';
import { ROLE_COLOURS, roleLabel } from '../../components/labels.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useResource } from '../../components/useResource.js';
import { useT } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { dailyReportsApi } from '../daily-reports/api.js';
import { incidentsApi } from '../incidents/api.js';
import { inspectionsApi } from '../inspections/api.js';
import { TodoList } from '../todo/TodoList.js';
import { useTodoText } from '../todo/i18n.js';
import { useTodo } from '../todo/useTodo.js';

/** What the user is responsible for, and what of it needs attention today. */
export default function OverviewPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const tt = useTodoText();
  const todo = useTodo();
  const counts = useResource(async () => {
    const [units, people] = await Promise.all([unitsApi.list({ pageSize: 1 }), peopleApi.list({ pageSize: 1 })]);
    return { units: units.total, people: people.total };
  }, [me.accountId]);
  // What needs attention today across everything the user can see; each figure opens its screen.
  const today = useResource(async () => {
    const [incidents, overdue, reports] = await Promise.all([
      incidentsApi.board({ open: true, pageSize: 1 }),
      inspectionsApi.ledger({ overdue: 'true', pageSize: 1 }),
      dailyReportsApi.status(),
    ]);
    const due = reports.total - reports.counts.not_required;
    return {
      openIncidents: incidents.total,
      overdueTasks: overdue.total,
      reportsIn: reports.counts.on_time + reports.counts.late,
      reportsDue: due,
    };
  }, [me.accountId]);

  return (
    <>
      <PageTitle title={t('overview.greeting', { name: me.name })} />
      <Card
        title={tt('todo.title')}
        extra={
          todo.data?.items.length ? <Tag color="blue">{tt('todo.count', { n: todo.data.items.length })}</Tag> : null
        }
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="home-todo"
      >
        <TodoList todo={todo} />
      </Card>
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      {counts.error ? <LoadError error={counts.error} onRetry={counts.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card hoverable onClick={() => navigate('/units')} data-testid="count-units">
            <Statistic
              title={t('overview.unitsVisible')}
              value={counts.data?.units ?? '—'}
              loading={counts.loading}
              prefix={<ApartmentOutlined />}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card hoverable onClick={() => navigate('/people')} data-testid="count-people">
            <Statistic
              title={t('overview.peopleVisible')}
              value={counts.data?.people ?? '—'}
              loading={counts.loading}
              prefix={<TeamOutlined />}
            />
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
          <Card title={t('overview.today')} size="small" data-testid="overview-today">
            <Row gutter={[12, 12]}>
              <Col xs={24} sm={8}>
                <Card size="small" hoverable onClick={() => navigate('/incidents')} data-testid="today-incidents">
                  <Statistic
                    title={t('overview.openIncidents')}
                    value={today.data?.openIncidents ?? '—'}
                    loading={today.loading}
                    prefix={<AlertOutlined />}
                    styles={{ content: { color: today.data?.openIncidents ? '#c41d1d' : undefined } }}
                  />
                </Card>
              </Col>
              <Col xs={24} sm={8}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => navigate('/inspections/ledger?overdue=true')}
                  data-testid="today-overdue"
                >
                  <Statistic
                    title={t('overview.overdueTasks')}
                    value={today.data?.overdueTasks ?? '—'}
                    loading={today.loading}
                    prefix={<SafetyCertificateOutlined />}
                    styles={{ content: { color: today.data?.overdueTasks ? '#d4580b' : undefined } }}
                  />
                </Card>
              </Col>
              <Col xs={24} sm={8}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => navigate('/daily-reports/matrix')}
                  data-testid="today-reports"
                >
                  <Statistic
                    title={t('overview.reportsToday')}
                    value={
                      today.data
                        ? today.data.reportsDue
                          ? `${today.data.reportsIn} / ${today.data.reportsDue}`
                          : t('overview.notRequired')
                        : '—'
                    }
                    loading={today.loading}
                    prefix={<FileDoneOutlined />}
                  />
                </Card>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
