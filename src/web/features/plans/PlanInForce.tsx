import { FileProtectOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { plansApi } from '../../api/endpoints.js';
import { useResource } from '../../components/useResource.js';
import { useLocale, useT } from '../../i18n/index.js';

/** The last day of a period that ends (exclusively) at `endsAt`, in the unit's time zone. */
function lastDay(endsAt: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(Date.parse(endsAt) - 1));
}

/** 现行预案: which plan is in force for a unit now, any special period and until when, and what it requires. */
export function PlanInForce({ unitId, timeZone }: { unitId: string; timeZone: string }) {
  const t = useT();
  const { locale } = useLocale();
  const rules = useResource(() => plansApi.rules(unitId), [unitId]);
  const data = rules.data;

  return (
    <Card
      size="small"
      title={
        <>
          <FileProtectOutlined /> {t('inForce.title')}
        </>
      }
      loading={rules.loading}
      style={{ marginTop: 16 }}
      data-testid="plan-in-force"
    >
      {rules.error ? (
        <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
      ) : data ? (
        <Flex vertical gap={8}>
          <div>
            <Typography.Text type="secondary">{t('inForce.standing')}</Typography.Text>
            {data.standingPlan ? (
              <Link to={`/plans/${data.standingPlan.planId}`}>
                {t('inForce.planVersion', { title: data.standingPlan.title, version: data.standingPlan.version })}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('inForce.none')}</Typography.Text>
            )}
          </div>
          {data.specialPeriods.map((p) => (
            <div key={p.planId}>
              <Tag color="purple" style={{ marginInlineEnd: 6 }}>
                {t('inForce.special')}
              </Tag>
              <Link to={`/plans/${p.planId}`}>{p.name}</Link>{' '}
              <Typography.Text type="secondary">
                {p.endsAt ? t('inForce.until', { date: lastDay(p.endsAt, locale, timeZone) }) : t('inForce.untilOpen')}
              </Typography.Text>
            </div>
          ))}
          {(data.standingPlan || data.specialPeriods.length > 0) && (
            <Flex gap={4} wrap>
              {data.dailyReport.required && (
                <Tag color="orange">{t('inForce.dailyReport', { time: data.dailyReport.deadline })}</Tag>
              )}
              {data.leaveApprovalRequired && <Tag color="orange">{t('inForce.leave')}</Tag>}
              {data.twentyFourHourDuty && <Tag>{t('inForce.twentyFour')}</Tag>}
            </Flex>
          )}
        </Flex>
      ) : null}
    </Card>
  );
}
