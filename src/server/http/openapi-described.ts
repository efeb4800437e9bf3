/*
 * What the generated OpenAPI document cannot learn from the route schemas: a description for every
 * response (the generator writes "Default Response" when a schema has none), the live stream's
 * events and payloads, and the generic webhook Steady sends, with how a receiver checks its
 * signature (OpenAPI 3.1 `webhooks`). Facts come from `notify/live-streams.ts` and
 * `notify/channels/webhook.ts`; their tests keep the two in step.
 */

type Json = Record<string, unknown>;
interface Operation {
  summary?: string;
  responses?: Record<string, { description?: string; content?: unknown }>;
}

const GENERATED = 'Default Response';

/** What a success status means, said before the operation's own summary. */
const STATUS_WORDS: Record<string, string> = {
  '200': 'Done',
  '201': 'Created',
  '202': 'Accepted; the work continues in the background',
  '204': 'Done; no content',
};

/** The events of `GET /api/v1/live`: name, when it comes, and its `data` (JSON). */
export const LIVE_EVENTS: { name: string; when: string; data: Json }[] = [
  {
    name: 'ready',
    when: 'first, on every (re)connection; its id is the position to resume from',
    data: { type: 'object', properties: {} },
  },
  {
    name: 'notification',
    when: 'your inbox changed: re-read GET /api/v1/notifications',
    data: { type: 'object', properties: {} },
  },
  {
    name: 'todo',
    when: 'you changed something on another screen (signed, accepted, approved…): re-read GET /api/v1/me/todo',
    data: { type: 'object', properties: {} },
  },
  {
    name: 'incident',
    when: 'an incident in one of your units (or below) was reported or changed: re-read it',
    data: { type: 'object', required: ['incidentId'], properties: { incidentId: { type: 'string', format: 'uuid' } } },
  },
  {
    name: 'daily-report',
    when: 'a daily report in your units (or below) arrived or was marked late or missing: re-read the matrix',
    data: { type: 'object', properties: {} },
  },
  {
    name: 'roll-call',
    when: 'a roll call in your units (or below) was started, marked or closed: re-read it (counts only)',
    data: { type: 'object', required: ['rollCallId'], properties: { rollCallId: { type: 'string', format: 'uuid' } } },
  },
  {
    name: 'resync',
    when: 'what you missed is too far back to replay (or this server lost its feed): re-read every screen',
    data: { type: 'object', properties: {} },
  },
];

const LIVE_DESCRIPTION = [
  'A `text/event-stream` (server-sent events). Each event has `id:`, `event:` and `data:` (JSON) lines.',
  'To resume after a break send the last id back as the `Last-Event-ID` header (or `?lastEventId=`):',
  'what you missed follows, or `resync`. A comment line (`: keep-alive`) comes every 20 s.',
  'Events carry no content, only what to re-read, so a screen always shows what the API answers.',
  '',
  ...LIVE_EVENTS.map((e) => `- \`${e.name}\`: ${e.when}.`),
].join('\n');

const WEBHOOK_DESCRIPTION = [
  'Steady posts each message to a person\'s "webhook" contact method as JSON. To check it came from',
  'Steady: take the body as the bytes received (before parsing), compute',
  '`HMAC-SHA256(key = the shared secret, message = X-Steady-Timestamp + "." + body)` in lowercase hex,',
  'compare `sha256=<hex>` with `X-Steady-Signature` in constant time, and refuse a timestamp more than',
  '5 minutes from your clock (a captured request cannot be replayed later). `X-Steady-Delivery` is the',
  'same on every retry: use it to drop repeats. Any 2xx means delivered; 408, 429 and 5xx are retried',
  '(Retry-After honoured); any other status is final.',
].join('\n');

const header = (name: string, description: string, pattern?: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string', ...(pattern ? { pattern } : {}) },
});

const WEBHOOKS = {
  message: {
    post: {
      summary: 'A message to a person, sent to their signed webhook',
      description: WEBHOOK_DESCRIPTION,
      parameters: [
        header('X-Steady-Delivery', 'The delivery id; the same on every retry'),
        header('X-Steady-Timestamp', 'Unix seconds when this attempt was signed', '^[0-9]+$'),
        header(
          'X-Steady-Signature',
          'sha256=<lowercase hex HMAC-SHA256 of timestamp + "." + raw body>',
          '^sha256=[0-9a-f]{64}$',
        ),
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['deliveryId', 'title', 'body', 'link', 'drill', 'locale', 'sentAt'],
              properties: {
                deliveryId: { type: 'string' },
                title: { type: 'string', description: 'For a drill it carries the 演练 / DRILL marker' },
                body: { type: 'string' },
                link: {
                  type: ['string', 'null'],
                  description: 'Where the message is acted on (an acknowledge link for chain steps)',
                },
                drill: { type: 'boolean' },
                locale: { type: 'string', enum: ['zh-CN', 'en'] },
                sentAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
      responses: {
        '2XX': { description: 'Delivered' },
        '408': { description: 'Retried later' },
        '429': { description: 'Retried later (Retry-After honoured)' },
        '5XX': { description: 'Retried later' },
      },
    },
  },
};

/** The generated document with every response described, the live events and the webhook. */
export function describeDocument<T extends object>(doc: T): T {
  const paths = (doc as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description && response.description !== GENERATED) continue;
        const words = STATUS_WORDS[status] ?? `Status ${status}`;
        response.description = operation.summary ? `${words}: ${operation.summary}` : words;
      }
    }
    if (path === '/api/v1/live' && item.get) {
      item.get.responses = {
        ...item.get.responses,
        '200': {
          description: LIVE_DESCRIPTION,
          content: {
            'text/event-stream': {
              schema: { type: 'string', description: LIVE_EVENTS.map((e) => `event: ${e.name}`).join(', ') },
            },
          },
        },
      };
    }
  }
  return { ...doc, webhooks: WEBHOOKS };
}
