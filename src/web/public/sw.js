/* Steady's service worker: shows a pushed alert and opens its link (the acknowledge page) when tapped. */
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
