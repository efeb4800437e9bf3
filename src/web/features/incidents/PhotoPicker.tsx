import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Progress, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useIncidentText } from './i18n.js';

export interface PickedPhoto {
  key: string;
  file: File;
  /** 0–1 while uploading; undefined before. */
  progress?: number;
  error?: string;
}

interface Props {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  disabled?: boolean;
}

let counter = 0;

/** Takes photos with the phone's camera (or picks them), with thumbnails and upload progress. */
export function PhotoPicker({ photos, onChange, disabled }: Props) {
  const it = useIncidentText();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => new Map(photos.map((p) => [p.key, URL.createObjectURL(p.file)])), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onChange([...photos, ...files.map((file) => ({ key: `p${++counter}`, file }))]);
        }}
      />
      <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} disabled={disabled} size="large">
        {it('report.addPhotos')}
      </Button>
      {photos.length > 0 && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {it('report.photoCount', { n: photos.length })}
        </Typography.Text>
      )}
      {photos.length > 0 && (
        <div className="steady-photo-thumbs">
          {photos.map((photo) => (
            <div key={photo.key} className="steady-photo-thumb" title={photo.error ?? photo.file.name}>
              <img src={previews.get(photo.key)} alt={photo.file.name} />
              {!disabled && (
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={it('report.removePhoto')}
                  onClick={() => onChange(photos.filter((p) => p.key !== photo.key))}
                />
              )}
              {photo.progress !== undefined && (
                <Progress
                  percent={Math.round(photo.progress * 100)}
                  size="small"
                  showInfo={false}
                  status={photo.error ? 'exception' : photo.progress >= 1 ? 'success' : 'active'}
                  style={{ position: 'absolute', bottom: -6, left: 4, right: 4, width: 'auto' }}
                />
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
