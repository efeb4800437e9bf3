/*
 * Steady's push handlers: show a pushed alert and open its link (the acknowledge page) when tapped.
 * Loaded by the service worker vite-plugin-pwa builds (/sw.js, see vite.config.ts) with importScripts.
 */
/* global self */
self.addEventListener('push', (event) => {
  const data = event.data ? event.data.json() : {};
  event.waitUntil(
    self.registration.showNotification(data.title || 'Steady', {
      body: data.body || '',
      tag: data.tag,
      data: { url: data.url || '/' },
      requireInteraction: true,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
