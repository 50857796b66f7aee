/** The few parts of Citation.js (no types of its own) that the citation files' tests use. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    format(kind: 'bibliography', options: { format: 'text'; template: string; lang: string }): string;
  }
  export const plugins: { input: { chainLink(input: unknown): unknown } };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
