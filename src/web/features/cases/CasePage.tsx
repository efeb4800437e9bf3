import { ArrowLeftOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Modal, Popconfirm, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { formatDateTime } from '../../components/format.js';
import { applyProblem } from '../../components/form-errors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useLocale, useT } from '../../i18n/index.js';
import { useResource } from '../../components/useResource.js';
import { casesApi, type Case } from './api.js';
import { useCaseText } from './i18n.js';
import { CaseStatusTag, CategoryTag, formatDay } from './labels.js';
import { LinkBox } from './LinkBox.js';
import { OutcomeCard } from './OutcomeCard.js';
import { SessionsCard } from './SessionsCard.js';
import './cases.css';

function Summary({ item }: { item: Case }) {
  const ct = useCaseText();
  const { locale } = useLocale();
  return (
    <Card size="small">
      <Flex gap={6} wrap style={{ marginBottom: 10 }}>
        <CategoryTag category={item.category} />
        <CaseStatusTag status={item.status} />
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="case-issue">
        {item.issue}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'unit', label: ct('case.unit'), children: item.unitName },
          { key: 'owner', label: ct('case.owner'), children: item.ownerName },
          { key: 'opened', label: ct('case.opened'), children: formatDateTime(item.openedAt, locale) },
          ...(item.resolvedAt
            ? [{ key: 'resolved', label: ct('case.resolved'), children: formatDateTime(item.resolvedAt, locale) }]
            : []),
          ...(item.closedAt
            ? [{ key: 'closed', label: ct('case.closedAt'), children: formatDateTime(item.closedAt, locale) }]
            : []),
          ...(item.followUpDate
            ? [{ key: 'follow', label: ct('case.followUp'), children: formatDay(item.followUpDate, locale) }]
            : []),
        ]}
      />
    </Card>
  );
}

function Parties({ item }: { item: Case }) {
  const ct = useCaseText();
  return (
    <Card size="small" title={ct('case.parties')}>
      <Flex vertical gap={6}>
        {item.parties.map((p, index) => (
          <Flex key={`${index}-${p.name}`} justify="space-between" gap={8} wrap data-testid="case-party">
            <span>
              {p.name} {p.raisedIt && <Tag color="blue">{ct('form.raisedIt')}</Tag>}
            </span>
            <Typography.Text type="secondary">{p.contact || '—'}</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** A new private link for the person who raised the case; the old one stops working. */
function StatusLinkCard({ item }: { item: Case }) {
  const ct = useCaseText();
  const { message } = App.useApp();
  const [token, setToken] = useState<string | null>(null);
  const reissue = async () => {
    try {
      setToken((await casesApi.reissueLink(item.id)).publicToken);
    } catch (error) {
      message.error(applyProblem(null, error));
    }
  };
  return (
    <Card size="small" title={ct('link.title')}>
      <Typography.Paragraph type="secondary">{ct('link.about')}</Typography.Paragraph>
      {item.status !== 'closed' && (
        <Popconfirm
          title={ct('link.reissueConfirm')}
          okText={ct('link.reissue')}
          cancelText={ct('common.cancel')}
          onConfirm={() => void reissue()}
        >
          <Button icon={<LinkOutlined />} data-testid="reissue-link">
            {ct('link.reissue')}
          </Button>
        </Popconfirm>
      )}
      <Modal open={token !== null} title={ct('link.reissued')} onCancel={() => setToken(null)} footer={null}>
        {token && (
          <>
            <Typography.Paragraph>
              {ct('created.number')}: <strong>{item.number}</strong>
            </Typography.Paragraph>
            <LinkBox token={token} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {ct('created.linkOnce')}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </Card>
  );
}

/** One case: the problem, the parties, the mediation sessions, the outcome and the status link. */
export default function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const ct = useCaseText();
  const item = useResource(() => casesApi.get(id), [id]);

  if (item.loading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (item.error instanceof ApiError && item.error.status === 404) {
    return <Result status="404" title={t('common.notFound')} extra={<Link to="/cases">{ct('common.back')}</Link>} />;
  }
  if (item.error || !item.data) return <LoadError error={item.error} onRetry={item.reload} />;
  const c = item.data;
  return (
    <div className="steady-cases" data-testid="case-page" data-case-id={c.id}>
      <Link to="/cases" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {ct('common.back')}
      </Link>
      <PageTitle title={ct('case.title', { number: c.number })} />
      <Flex vertical gap={12}>
        <Summary item={c} />
        <Parties item={c} />
        <SessionsCard item={c} onChanged={item.reload} />
        <OutcomeCard key={`${c.outcome}-${c.status}`} item={c} onChanged={item.reload} />
        <StatusLinkCard item={c} />
      </Flex>
    </div>
  );
}
