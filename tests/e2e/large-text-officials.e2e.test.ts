/** R13 every page at 200 % text, for the county, city and province officials (tests/e2e/support/large-text.ts). */
import { describeLargeText } from './support/large-text';

describeLargeText(['official-county', 'official-city', 'official-province']);
