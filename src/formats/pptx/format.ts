import type { FormatDescriptor } from '../types';

/** PowerPoint slides (export only). */
export const pptxFormat: FormatDescriptor = {
  id: 'pptx',
  label: 'PowerPoint slides',
  extensions: ['.pptx'],
  sniff: () => 0,
  exports: [
    {
      id: 'pptx',
      label: 'PowerPoint slides',
      extension: '.pptx',
      mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      run: async (doc, o) => (await import('./pptx')).exportPptx(doc, o),
    },
  ],
};
