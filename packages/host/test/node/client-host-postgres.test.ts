import { describe } from 'node:test';
import { clientHostSuite } from '../shared/client-host-suite.js';
import { postgresSkipNotice } from '../shared/databases.js';
import { referenceHostOnPostgres } from '../shared/reference-host-under-test.js';

// The Node client × host suite on the reference host on PostgreSQL (DATABASE_URL): the same tests,
// unchanged, as on the mock host and on PGlite. Skipped with a loud notice without DATABASE_URL.
const skipped = postgresSkipNotice();
describe('PostgreSQL', { skip: skipped }, () => {
  clientHostSuite('the reference host on PostgreSQL', referenceHostOnPostgres);
});
