// Writes packages/host-api/openapi.json from the contract's zod schemas (run after changing them;
// a test fails while the committed document and the schemas disagree).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '@raincheck/host-api/openapi';

const path = new URL('../packages/host-api/openapi.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
