import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Space } from 'antd';
import { statusLink } from './api.js';
import { useCaseText } from './i18n.js';

/** Copies text with the clipboard API, or the old way where that is not allowed (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

/** The private status link, selectable by hand and copied with one tap. */
export function LinkBox({ token }: { token: string }) {
  const ct = useCaseText();
  const { message } = App.useApp();
  const link = statusLink(token);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        readOnly
        value={link}
        onFocus={(e) => e.target.select()}
        aria-label={ct('link.label')}
        data-testid="status-link"
      />
      <Button
        type="primary"
        icon={<CopyOutlined />}
        onClick={() =>
          void copyText(link).then((done) =>
            done ? message.success(ct('link.copied')) : message.warning(ct('link.copyFailed')),
          )
        }
        data-testid="copy-link"
      >
        {ct('link.copy')}
      </Button>
    </Space.Compact>
  );
}
