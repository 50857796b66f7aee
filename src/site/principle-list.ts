/**
 * The named principles of content/principles.yml, as the build reads them: bundled with the site's
 * code when it is built (so a build from another folder, such as the benchmark's, reads the same
 * list). A malformed list stops the build with the file and the fix.
 */
import yamlText from '../../content/principles.yml?raw';
import { parsePrinciples, type Principle } from '../shared/principles.ts';

export const PRINCIPLE_LIST: readonly Principle[] = parsePrinciples(yamlText, 'content/principles.yml');
