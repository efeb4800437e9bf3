import { Alert, Button } from 'antd';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/index.js';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const detail = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={detail}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
