/** R13 every page at 200 % text, for the laborers 66, 52 and 30 (tests/e2e/support/large-text.ts). */
import { describeLargeText } from './support/large-text';

describeLargeText(['laborer-66', 'laborer-52', 'laborer-30']);
