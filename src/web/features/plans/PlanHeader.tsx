import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanVersion } from '../../../common/schemas/plans.js';
import type { PlanVersionInfo } from '../../api/endpoints.js';
import { formatDateTime } from '../../components/format.js';
import { planKindLabel } from '../../components/labels.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useLocale, useT } from '../../i18n/index.js';
import { PlanStatusTag } from './PlanStatusTags.js';
import type { PlanState } from './usePlan.js';

interface Props {
  plan: PlanVersion;
  versions: PlanVersionInfo[];
  state: Pick<PlanState, 'dirty' | 'busy'>;
  canEdit: boolean;
  canPublish: boolean;
  onSave: () => void;
  onPublish: () => void;
  onRevise: () => void;
  onOpenDraft: (version: number) => void;
}

/** The plan's name, status and the actions the user may take on this version. */
export function PlanHeader({
  plan,
  versions,
  state,
  canEdit,
  canPublish,
  onSave,
  onPublish,
  onRevise,
  onOpenDraft,
}: Props) {
  const t = useT();
  const { locale } = useLocale();
  const draft = versions.find((v) => v.status === 'draft');
  const isDraft = plan.status === 'draft';

  const actions = (
    <Flex gap={8} wrap align="center">
      {isDraft && canEdit && state.dirty && <Typography.Text type="warning">{t('plan.unsaved')}</Typography.Text>}
      {isDraft && canEdit && (
        <Button
          icon={<SaveOutlined />}
          type={canPublish ? 'default' : 'primary'}
          loading={state.busy === 'save'}
          disabled={!state.dirty}
          onClick={onSave}
          data-testid="plan-save"
        >
          {t('plan.save')}
        </Button>
      )}
      {isDraft && canPublish && (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          loading={state.busy === 'publish'}
          onClick={onPublish}
          data-testid="plan-publish"
        >
          {t('plan.publish')}
        </Button>
      )}
      {!isDraft && canEdit && !draft && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          loading={state.busy === 'revise'}
          onClick={onRevise}
          data-testid="plan-revise"
        >
          {t('plan.revise')}
        </Button>
      )}
      {!isDraft && draft && (
        <Button onClick={() => onOpenDraft(draft.version)}>{t('plan.openDraft', { version: draft.version })}</Button>
      )}
    </Flex>
  );

  return (
    <>
      <Link to="/plans" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('plan.back')}
      </Link>
      <PageTitle title={plan.title || t('plans.title')} extra={actions} />
      <Flex gap={4} wrap align="center" style={{ marginTop: -8, marginBottom: 16 }} data-testid="plan-meta">
        <PlanStatusTag status={plan.status} />
        <Tag>{t('plans.version', { version: plan.version })}</Tag>
        <Tag color="blue">{planKindLabel(t, plan.kind)}</Tag>
        <Typography.Text type="secondary">{plan.unitName}</Typography.Text>
        {plan.approvedBy && plan.publishedAt && (
          <Typography.Text type="secondary">
            · {t('plan.approvedBy', { name: plan.approvedBy.name, time: formatDateTime(plan.publishedAt, locale) })}
          </Typography.Text>
        )}
      </Flex>
    </>
  );
}
