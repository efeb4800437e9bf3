import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { inspectionsApi, uploadPhoto } from './api.js';
import { useInspectionText } from './i18n.js';

interface Props {
  unitId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  /** The button's words; "take or choose a photo" when left out. */
  label?: string;
  testId?: string;
}

/**
 * Takes a photo with the phone's camera (or picks one) and uploads it at once to the unit; the form
 * then sends only the photo ids. A refused file shows the server's reason (it is checked by content).
 */
export function PhotoField({ unitId, value, onChange, disabled, label, testId }: Props) {
  const tn = useInspectionText();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const add = async (files: File[]) => {
    setError(null);
    setBusy((n) => n + files.length);
    let ids = value;
    for (const file of files) {
      try {
        const photo = await uploadPhoto(unitId, file);
        ids = [...ids, photo.id];
        onChange(ids);
      } catch (problem) {
        setError(tn('photo.failed', { message: applyProblem(null, problem) ?? '' }));
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <div className="steady-insp-photos">
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={testId ?? 'photo-input'}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void add(files);
        }}
      />
      <div className="steady-insp-thumbs">
        {value.map((id) => (
          <div key={id} className="steady-insp-thumb">
            <img src={inspectionsApi.photoUrl(id)} alt="" />
            {!disabled && (
              <Button
                size="small"
                shape="circle"
                icon={<CloseOutlined />}
                aria-label={tn('photo.remove')}
                onClick={() => onChange(value.filter((x) => x !== id))}
              />
            )}
          </div>
        ))}
        <Button
          className="steady-insp-photo-button"
          icon={busy ? <LoadingOutlined /> : <CameraOutlined />}
          onClick={() => input.current?.click()}
          disabled={disabled || busy > 0}
        >
          {busy ? tn('photo.uploading') : (label ?? tn('photo.add'))}
        </Button>
      </div>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="photo-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
