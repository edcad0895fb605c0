/** R13 every page at 200 % text, for a relative acting for the elder, a newcomer and a trainer (tests/e2e/support/large-text.ts). */
import { describeLargeText } from './support/large-text';

describeLargeText(['fresh:test-relative-large', 'fresh:test-newcomer-large', 'trainer-lanxian']);
