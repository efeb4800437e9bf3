import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/*
 * The headers every answer carries (issue 12, ASVS V14.4). The policy is the same for the app's
 * pages, the API and the API docs page, because none of them needs more:
 * - scripts only from our own origin: Vite emits no inline script and the docs page loads its
 *   bundle from files; no eval;
 * - styles from our origin and inline: Ant Design writes its styles at run time (CSS-in-JS) and
 *   React sets style attributes;
 * - images from our origin, data: (the favicon, QR codes) and blob: (photo previews before upload);
 * - nothing may frame Steady (clickjacking), nor be framed, embedded or posted elsewhere by it.
 * Behind HTTPS (STEADY_SECURE_COOKIES) browsers are also told to stay on HTTPS.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
} as const;

/** The camera is for the app itself (photos of a scene or a patrol point); nothing else is used. */
export const PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()';

export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  const headers = await helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, 'upgrade-insecure-requests': options.https ? [] : null },
    },
    frameguard: { action: 'deny' },
    // Public links carry their token in the address: it must not leave with the Referer.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

/**
 * The headers helmet sets with these options, worked out once. @fastify/helmet builds helmet's
 * middleware anew for every request (its options parsed, the policy written out), a cost on every
 * answer for headers that never change here: no route has options of its own and no nonces are
 * used. So helmet answers one request of a private instance at start-up, once with its headers
 * and once without, and what it added is set on every answer.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(fastifyHelmet, options);
  probe.get('/with', async () => '');
  probe.get('/without', { helmet: false }, async () => '');
  try {
    const [withHelmet, without] = [await probe.inject('/with'), await probe.inject('/without')];
    return Object.fromEntries(
      Object.entries(withHelmet.headers)
        .filter(([name]) => !(name in without.headers))
        .map(([name, value]) => [name, String(value)]),
    );
  } finally {
    await probe.close();
  }
}
