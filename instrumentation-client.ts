/**
 * Runs in the browser before the application's code (Next 16 `instrumentation-client`). zod 4
 * probes `new Function` when it builds its first object schema, to compile fast parsers; under the
 * portal's strict Content-Security-Policy (no 'unsafe-eval', proxy.ts) that probe is reported as a
 * violation even though zod catches it. Its `jitless` mode skips the probe: same results, no eval.
 */
import { z } from "zod";

z.config({ jitless: true });
