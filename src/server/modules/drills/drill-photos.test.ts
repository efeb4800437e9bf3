import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestApp, unitIdByName, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { dialectsUnderTest } from '../../../../test/helpers/dialects.js';
import { PHOTOS_PER_DRILL_MAX } from './drill-photos.js';

/** A real 1×1 PNG, so the content check sees genuine image bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function form(filename: string, type: string, content: Buffer) {
  const boundary = '----steadydrill';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; ` +
        `filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

for (const dialect of dialectsUnderTest()) {
  describe(`drill photos (${dialect})`, () => {
    let t: TestApp;
    let safety: Client;
    let drillId: string;
    let dataDir: string;
    const upload = (who: Client, body: ReturnType<typeof form>, headers: Record<string, string> = {}, id = drillId) =>
      who.inject({
        method: 'POST',
        url: `/api/v1/drills/${id}/photos`,
        payload: body.payload,
        headers: { ...body.headers, ...headers },
      });
    const rows = async (id = drillId) =>
      (await t.c.db.selectFrom('drill_photos').select('id').where('drill_id', '=', id).execute()).length;
    const files = (id = drillId) =>
      existsSync(join(dataDir, 'drill-photos', id)) ? readdirSync(join(dataDir, 'drill-photos', id)) : [];

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'steady-drill-photos-'));
      t = await createTestApp(dialect, { demo: true, env: { STEADY_DATA_DIR: dataDir } });
      safety = await t.signIn('k1.safety');
      const k1 = await unitIdByName(t, '城关镇中心幼儿园');
      const planned = await safety.post('/api/v1/drills', {
        unitId: k1,
        type: 'fire_evacuation',
        plannedDate: '2027-03-10',
        title: '春季消防疏散演练',
      });
      assert.equal(planned.statusCode, 201, planned.body);
      drillId = planned.json().id;
    });
    after(async () => {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stores a real image under the data directory, lists it, serves it back, and audits it', async () => {
      const res = await upload(safety, form('assembly.png', 'image/png', PNG));
      assert.equal(res.statusCode, 201, res.body);
      const photo = res.json();
      assert.equal(photo.mime, 'image/png');
      assert.equal(photo.size, PNG.length);
      assert.deepEqual(files(), [`${photo.id}.png`]);
      const listed = await safety.get(`/api/v1/drills/${drillId}/photos`);
      assert.equal(listed.statusCode, 200);
      assert.deepEqual(
        listed.json().map((p: { id: string }) => p.id),
        [photo.id],
      );
      const back = await safety.get(`/api/v1/drills/${drillId}/photos/${photo.id}`);
      assert.equal(back.statusCode, 200);
      assert.equal(back.headers['content-type'], 'image/png');
      assert.deepEqual(back.rawPayload, PNG);
      const audit = await t.c.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'after_json'])
        .where('action', '=', 'drill.photo')
        .execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.entity_id, drillId);
      assert.equal(JSON.parse(audit[0]!.after_json!).photoId, photo.id);
    });

    const supervisorAboveSeesPhotos =
      'the supervisor above sees the photos; another school sees nothing; a teacher may look but not attach';
    it(supervisorAboveSeesPhotos, async () => {
      const [photo] = (await safety.get(`/api/v1/drills/${drillId}/photos`)).json();
      const supervisor = await t.signIn('cs1.head');
      assert.equal((await supervisor.get(`/api/v1/drills/${drillId}/photos/${photo.id}`)).statusCode, 200);
      const outsider = await t.signIn('s1.safety');
      assert.equal((await outsider.get(`/api/v1/drills/${drillId}/photos`)).statusCode, 404);
      assert.equal((await outsider.get(`/api/v1/drills/${drillId}/photos/${photo.id}`)).statusCode, 404);
      assert.equal((await upload(outsider, form('x.png', 'image/png', PNG))).statusCode, 404);
      const teacher = await t.signIn('k1.teacher1');
      assert.equal((await teacher.get(`/api/v1/drills/${drillId}/photos`)).statusCode, 200);
      assert.equal((await upload(teacher, form('x.png', 'image/png', PNG))).statusCode, 403);
      assert.equal(await rows(), 1);
    });

    const fileThatNotImage =
      'a file that is not an image is refused with a clear message, whatever its name says, and nothing is kept';
    it(fileThatNotImage, async () => {
      const count = await rows();
      const before = files();
      const pdf = await upload(
        safety,
        form('drill.jpg', 'image/jpeg', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'.repeat(20))),
        { 'accept-language': 'en' },
      );
      assert.equal(pdf.statusCode, 422);
      assert.equal(pdf.json().errors[0].field, 'photo');
      assert.match(
        pdf.json().errors[0].message,
        /^photo is not an image \(it looks like application\/pdf\); send a JPEG, PNG, WebP or HEIC photo$/,
      );
      const text = await upload(safety, form('drill.png', 'image/png', Buffer.from('hello, this is only text')));
      assert.equal(text.statusCode, 422);
      assert.match(text.json().errors[0].message, /^照片：不是图片文件（无法识别其类型）/);
      assert.equal(await rows(), count);
      assert.deepEqual(files(), before);
      assert.ok(!files().some((f) => f.endsWith('.partial')));
    });

    it('no photo, an oversized one, an unknown drill and one photo too many are clear errors', async () => {
      const none = await safety.post(`/api/v1/drills/${drillId}/photos`, {});
      assert.equal(none.statusCode, 422);
      assert.equal(none.json().errors[0].field, 'photo');
      const huge = await upload(
        safety,
        form('big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(13 * 1024 * 1024)])),
      );
      assert.ok([413, 422].includes(huge.statusCode), `${huge.statusCode}`);
      assert.equal(
        (await upload(safety, form('x.png', 'image/png', PNG), {}, '01900000-0000-7000-8000-000000000000')).statusCode,
        404,
      );
      while ((await rows()) < PHOTOS_PER_DRILL_MAX)
        assert.equal((await upload(safety, form('x.png', 'image/png', PNG))).statusCode, 201);
      const extra = await upload(safety, form('x.png', 'image/png', PNG), { 'accept-language': 'en' });
      assert.equal(extra.statusCode, 422);
      assert.match(extra.json().errors[0].message, /at most 20 photos/);
      assert.equal(await rows(), PHOTOS_PER_DRILL_MAX);
      assert.equal(files().length, PHOTOS_PER_DRILL_MAX);
    });
  });
}
