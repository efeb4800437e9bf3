import { CameraOutlined } from '@ant-design/icons';
import { Button, Empty, Image, Typography } from 'antd';
import { useRef, useState } from 'react';
import { applyProblem } from '../../components/form-errors.js';
import { useResource } from '../../components/useResource.js';
import { drillsApi, uploadDrillPhoto, type Drill } from './api.js';
import { useDrillText } from './i18n.js';

/** Photos of the drill being run; those who may record it may add more. */
export function DrillPhotos({ drill, canAdd }: { drill: Drill; canAdd: boolean }) {
  const dt = useDrillText();
  const input = useRef<HTMLInputElement>(null);
  const photos = useResource(() => drillsApi.photos(drill.id), [drill.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  const upload = async (files: File[]) => {
    const failed: string[] = [];
    for (const [index, file] of files.entries()) {
      setBusy(dt('photos.uploading', { done: index, total: files.length }));
      try {
        await uploadDrillPhoto(drill.id, file);
      } catch (error) {
        failed.push(dt('photos.failed', { name: file.name, message: applyProblem(null, error) ?? '' }));
      }
    }
    setBusy(null);
    setErrors(failed);
    photos.reload();
  };

  const list = photos.data ?? [];
  return (
    <div data-testid="drill-photos" data-count={list.length}>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={dt('photos.none')} style={{ margin: '4px 0 8px' }} />
      ) : (
        <Image.PreviewGroup>
          <div className="steady-drill-gallery">
            {list.map((photo) => (
              <Image key={photo.id} src={drillsApi.photoUrl(drill.id, photo.id)} alt="" />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {canAdd && (
        <>
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            hidden
            data-testid="drill-photo-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) void upload(files);
            }}
          />
          <Button
            icon={<CameraOutlined />}
            loading={busy !== null}
            onClick={() => input.current?.click()}
            style={{ marginTop: 8 }}
          >
            {busy ?? dt('photos.add')}
          </Button>
        </>
      )}
      {errors.map((text) => (
        <Typography.Text key={text} type="danger" style={{ display: 'block', marginTop: 6 }} data-testid="photo-error">
          {text}
        </Typography.Text>
      ))}
    </div>
  );
}
