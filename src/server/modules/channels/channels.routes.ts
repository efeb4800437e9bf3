import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CallbackKey,
  DeliveryHealth,
  VendorParams,
  VendorSettings,
  VendorSettingsBody,
  VENDORS,
} from '../../../common/schemas/channels.js';
import { actorOf } from '../../http/actor.js';
import { problemResponses } from '../../http/openapi.js';
import { unauthenticated } from '../../lib/errors.js';
import {
  aliyunReceipts,
  aliyunReplies,
  openWecom,
  tencentReceipts,
  tencentReplies,
  wecomEnvelope,
  wecomMessage,
  type CallbackDeps,
} from './callbacks.js';
import type { ChannelService } from './channels.service.js';

const tags = ['channels'];
const CallbackParams = z.object({
  vendor: z.enum(VENDORS),
  key: z.string().min(8).max(100),
  kind: z.enum(['reply', 'status', 'events']),
});

/** Administrators' vendor settings and delivery health, and the vendors' callbacks. */
export async function channelRoutes(
  app: FastifyInstance,
  channels: ChannelService,
  health: (actor: ReturnType<typeof actorOf>) => Promise<z.infer<typeof DeliveryHealth>>,
  deps: CallbackDeps,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/channels',
    {
      schema: {
        tags,
        summary: 'Vendor accounts (secrets are never shown)',
        response: { 200: z.array(VendorSettings), ...problemResponses },
      },
    },
    async (req) => channels.list(actorOf(req)),
  );
  r.put(
    '/api/v1/channels/:vendor',
    {
      schema: {
        tags,
        summary: 'Configure a vendor account; secrets left out stay as saved',
        params: VendorParams,
        body: VendorSettingsBody,
        response: { 200: VendorSettings, ...problemResponses },
      },
    },
    async (req) => channels.save(actorOf(req), req.params.vendor, req.body),
  );
  r.post(
    '/api/v1/channels/:vendor/callback-key',
    {
      schema: {
        tags,
        summary: 'Issue the callback URL to enter in the vendor’s console (shown once)',
        params: VendorParams,
        response: { 200: CallbackKey, ...problemResponses },
      },
    },
    async (req) => channels.issueCallbackKey(actorOf(req), req.params.vendor),
  );
  r.get(
    '/api/v1/channels/web-push-key',
    {
      schema: {
        tags,
        summary: 'The VAPID public key a browser subscribes with (null when Web Push is off)',
        response: { 200: z.object({ publicKey: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => {
      actorOf(req);
      const account = await channels.account('web_push');
      return { publicKey: account?.config.publicKey ?? null };
    },
  );
  r.get(
    '/api/v1/channels/health',
    {
      schema: {
        tags,
        summary: 'Delivery health per channel over the last day',
        response: { 200: DeliveryHealth, ...problemResponses },
      },
    },
    async (req) => health(actorOf(req)),
  );

  await app.register(async (scope) => {
    // WeCom posts XML; the envelope is read as text and checked before anything is parsed further.
    scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const config = { public: true, rateLimit: { max: 600, timeWindow: 60_000 } };
    s.get(
      '/api/v1/callbacks/:vendor/:key/:kind',
      {
        schema: {
          tags,
          summary: 'WeCom URL verification',
          params: CallbackParams,
          querystring: z.record(z.string(), z.string()),
        },
        config,
      },
      async (req, reply) => {
        const { vendor, key } = req.params;
        if (vendor !== 'wecom_app' || !(await channels.callbackKeyMatches(vendor, key))) throw unauthenticated();
        const secrets = await wecomSecrets(channels);
        const echo = secrets ? openWecom(secrets, req.query, req.query.echostr ?? '') : null;
        if (echo === null) throw unauthenticated();
        return reply.type('text/plain').send(echo);
      },
    );
    s.post(
      '/api/v1/callbacks/:vendor/:key/:kind',
      {
        schema: {
          tags,
          summary: 'SMS replies, delivery receipts and WeCom messages from the vendors',
          params: CallbackParams,
          querystring: z.record(z.string(), z.string()),
        },
        config,
      },
      async (req, reply) => {
        const { vendor, key, kind } = req.params;
        if (!(await channels.callbackKeyMatches(vendor, key))) throw unauthenticated();
        if (vendor === 'aliyun_sms') {
          await (kind === 'reply' ? aliyunReplies(req.body, deps) : aliyunReceipts(req.body, deps));
          return { code: 0, msg: '接收成功' };
        }
        if (vendor === 'tencent_sms') {
          await (kind === 'reply' ? tencentReplies(req.body, deps) : tencentReceipts(req.body, deps));
          return { result: 0, errmsg: 'OK' };
        }
        if (vendor === 'wecom_app') {
          const secrets = await wecomSecrets(channels);
          const message = secrets
            ? openWecom(secrets, req.query, wecomEnvelope(typeof req.body === 'string' ? req.body : ''))
            : null;
          if (message === null) throw unauthenticated();
          await wecomMessage(message, deps);
          return reply.type('text/plain').send('');
        }
        return reply.code(404).send();
      },
    );
  });
}

async function wecomSecrets(channels: ChannelService) {
  const [secrets, settings] = await Promise.all([channels.secretsOf('wecom_app'), channels.configOf('wecom_app')]);
  const corpId = typeof settings.corpId === 'string' ? settings.corpId : '';
  return secrets.callbackToken && secrets.encodingAesKey && corpId
    ? { corpId, callbackToken: secrets.callbackToken, encodingAesKey: secrets.encodingAesKey }
    : null;
}
