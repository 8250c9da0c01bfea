import { clientHostSuite } from '../shared/client-host-suite.js';
import { referenceHostOnPglite } from '../shared/reference-host-under-test.js';

// The Node client × host suite on the reference host on PGlite: the same tests, unchanged, as on
// the mock host (packages/mock-host/test/node/client-and-host.test.ts) and on PostgreSQL.
clientHostSuite('the reference host on PGlite', referenceHostOnPglite);
