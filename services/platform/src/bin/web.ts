import { loadConfig } from '../config';
import { webDistDir } from '../paths';
import { createWebServer } from '../web/webServer';
import { onShutdown } from '../shutdown';

/** The console as its own process, forwarding /graphql to HUB_GATEWAY_URL. */
const config = loadConfig();
const web = createWebServer({ distDir: webDistDir(), gatewayUrl: config.HUB_GATEWAY_URL ?? 'http://127.0.0.1:4000' });
const port = await web.listen(config.HUB_WEB_PORT, config.HUB_HOST);
console.log(`[web] console on :${port}`);
onShutdown('web', web.close);
