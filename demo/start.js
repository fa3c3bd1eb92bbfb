// `npm start`: builds what is missing, then serves the demo portal and the reference collector
// on one port (PORT, default 8080). Configuration: see configFromEnv in demo/collector/server.js.
import { ensureBuild } from './build.js';
import { closeOnSignals, configFromEnv, startServer } from './collector/server.js';
import { createDemoApp } from './portal.js';

try {
  const config = configFromEnv();
  ensureBuild();
  const running = await startServer({ ...config, createApp: createDemoApp });
  closeOnSignals(running);
  const u = running.url;
  console.log(`
Learning Community Elements demo: ${u}/

  Municipal portal (Danish)      ${u}/portal.html
  Partner organisation page      ${u}/partner.html
  Custom assessment (English)    ${u}/assessment.html
  Results                        ${u}/results.html

  Reference collector API        ${u}/api/health
    POST ${u}/api/submissions
    GET  ${u}/api/results?community=demo-city&round=2026-autumn   (&format=csv)
    GET  ${u}/api/partnerships   GET ${u}/api/journal
  Drop-in loader                 ${u}/lc/lc-elements.min.js
  Database                       ${running.dbPath}
  Sample answers                 node demo/seed.js ${u}
${config.allowedOrigins.length ? `  Allowed origins                ${config.allowedOrigins.join(', ')}\n` : ''}
Press Ctrl+C to stop.`);
} catch (error) {
  console.error(`npm start failed: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
