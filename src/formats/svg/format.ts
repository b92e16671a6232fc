import type { FormatDescriptor } from '../types';

/** A vector picture (export only). */
export const svgFormat: FormatDescriptor = {
  id: 'svg',
  label: 'SVG picture',
  extensions: ['.svg'],
  sniff: () => 0,
  exports: [
    {
      id: 'svg',
      label: 'SVG picture',
      extension: '.svg',
      mime: 'image/svg+xml',
      run: async (doc) => (await import('./svg')).exportSvg(doc),
    },
  ],
};
