import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = process.env.STEADY_API_URL ?? 'http://localhost:8080';

/**
 * Installable, and the app shell opens without network (issue 17): the service worker is generated at
 * build time (Workbox bundled, nothing fetched from a CDN) and precaches the built files. It never
 * answers /api/ (those requests go to the network as if it were not there; offline answers are the
 * app's own, in IndexedDB: src/web/offline/) nor /healthz. It also carries the Web Push handlers.
 */
const pwa = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: 'script',
  filename: 'sw.js',
  devOptions: { enabled: false },
  includeAssets: ['icon.svg', 'apple-touch-icon.png'],
  manifest: {
    name: 'Steady 应急安全管理平台',
    short_name: 'Steady',
    description: '学校、幼儿园和社区的应急准备与突发事件处置',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f3f5f8',
    theme_color: '#1f4e8c',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // The Ant Design chunk is above Workbox's 2 MiB default; every screen is precached so each opens offline.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
    cleanupOutdatedCaches: true,
    // The page that installed it is served offline too, without a reload first.
    clientsClaim: true,
    skipWaiting: true,
    importScripts: ['/push-sw.js'],
    runtimeCaching: [],
  },
});

export default defineConfig({
  root,
  plugins: [react(), pwa],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Keep the large, rarely-changing libraries in their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
    },
  },
});
