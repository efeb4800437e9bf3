import { loadConfig } from './config.js';
import { startServer } from './server.js';
import { setupHint } from './cli/messages.js';

/** Production start: an empty database shows the first-run setup page. */
const config = loadConfig();
const server = await startServer(config);
if (await server.container.setup.needed()) console.log(setupHint(server.url));
