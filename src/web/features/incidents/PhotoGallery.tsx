import { Card, Empty, Image, Typography } from 'antd';
import { useState } from 'react';
import { useLocale } from '../../i18n/index.js';
import { useMe } from '../auth/session.js';
import { incidentsApi, type Incident } from './api.js';
import { useIncidentText } from './i18n.js';
import { uploadAll } from './photo-uploads.js';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker.js';

/** The photos taken at the scene; more can be added while the incident is open. */
export function PhotoGallery({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const it = useIncidentText();
  const me = useMe();
  const { locale } = useLocale();
  const [picked, setPicked] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);

  const upload = async (photos: PickedPhoto[]) => {
    setBusy(true);
    const ended = await uploadAll(incident.id, photos, { csrfToken: me.csrfToken, locale }, setPicked);
    setBusy(false);
    setPicked(ended.filter((p) => p.error)); // keep only the refused ones, with their reasons
    if (ended.some((p) => !p.error)) onChanged();
  };

  const failed = picked.filter((p) => p.error);
  return (
    <Card size="small" title={it('photos.title')} data-testid="photos">
      {incident.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={it('photos.none')} style={{ margin: '4px 0 8px' }} />
      ) : (
        <Image.PreviewGroup>
          <div className="steady-gallery" style={{ marginBottom: 8 }}>
            {incident.photos.map((photo) => (
              <Image key={photo.id} src={incidentsApi.photoUrl(incident.id, photo.id)} alt="" />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {incident.status !== 'closed' && (
        <PhotoPicker photos={busy ? picked : []} onChange={(photos) => void upload(photos)} disabled={busy} />
      )}
      {failed.map((p) => (
        <Typography.Text key={p.key} type="danger" style={{ display: 'block', marginTop: 6 }} data-testid="photo-error">
          {it('report.photoFailed', { name: p.file.name, message: p.error ?? '' })}
        </Typography.Text>
      ))}
    </Card>
  );
}
