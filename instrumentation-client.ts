// Runs in the browser before the app's own modules. Zod compiles object parsers with `new Function`
// unless told not to; it catches the refusal under our CSP (no 'unsafe-eval'), but the browser still
// reports a violation. Without the JIT nothing is tried; forms validate the same, a little slower.
import { z } from "zod";

z.config({ jitless: true });
