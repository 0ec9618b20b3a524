/**
 * The live coach on its own page, as the app shows it once the safety gate
 * (issue 6) has let the person through: the browser tests drive the coach
 * without answering the screening each time. Same server, headers and CSP
 * as the app.
 */
import '../../../src/ui/live-session/live-coach.ts';
