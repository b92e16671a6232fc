// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { insertSvg, MERMAID_CONFIG } from '../../src/app/export/use-mermaid';

describe('MERMAID_CONFIG', () => {
  it('is strict, renders on request, keeps error pictures out and allows big documents', () => {
    expect(MERMAID_CONFIG).toMatchObject({ startOnLoad: false, securityLevel: 'strict', suppressErrorRendering: true, layout: 'dagre' });
    expect(MERMAID_CONFIG.maxTextSize).toBeGreaterThanOrEqual(500_000);
    expect(MERMAID_CONFIG.maxEdges).toBeGreaterThanOrEqual(5_000);
    // The exported text carries its own theme; the preview must not paint over it.
    expect(MERMAID_CONFIG.theme).toBeUndefined();
    expect(MERMAID_CONFIG.themeVariables).toBeUndefined();
  });
});

describe('insertSvg', () => {
  const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" id="m1" viewBox="0 0 100 50"><style>#m1 .x{fill:#fff}</style>${body}</svg>`;

  it('keeps the drawing and its text', () => {
    const box = document.createElement('div');
    insertSvg(box, svg('<g class="node"><rect width="10" height="10"/><text>&lt;img src=x onerror=alert(1)&gt;</text></g>'));
    const el = box.querySelector('svg')!;
    expect(el.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(el.querySelector('rect')).not.toBeNull();
    expect(el.querySelector('style')!.textContent).toContain('#m1');
    expect(el.querySelector('text')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(box.querySelector('img')).toBeNull();
  });

  it('keeps HTML labels inside foreignObject but removes scripts, images, handlers and every URL that leaves the drawing', () => {
    const box = document.createElement('div');
    insertSvg(
      box,
      svg(
        '<foreignObject width="50" height="20"><div xmlns="http://www.w3.org/1999/xhtml"><span class="nodeLabel">Okta <b>User</b></span>' +
          '<img src="x" onerror="alert(1)"></div></foreignObject>' +
          '<script>alert(2)</script><a href=" java\tscript:alert(3)"><text onclick="alert(4)">t</text></a>' +
          '<a href="https://example.org/"><text>ok</text></a><a href="#m1"><text>inside</text></a>' +
          '<image href="https://example.org/x.png"/><rect style="fill: url(https://example.org/p)"/><rect style="fill: url(#g)"/>',
      ),
    );
    expect(box.querySelector('.nodeLabel')!.textContent).toBe('Okta User');
    expect(box.querySelector('script')).toBeNull();
    expect(box.querySelector('img, image')).toBeNull();
    expect(Array.from(box.querySelectorAll('rect[style]'), (r) => r.getAttribute('style'))).toEqual(['fill: url(#g)']);
    const all = Array.from(box.querySelectorAll('*'));
    for (const el of all) for (const a of Array.from(el.attributes)) expect(a.name.startsWith('on'), `${el.localName} ${a.name}`).toBe(false);
    const hrefs = Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([null, null, '#m1']);
  });

  it('replaces what the container held', () => {
    const box = document.createElement('div');
    insertSvg(box, svg('<rect/>'));
    insertSvg(box, svg('<circle r="3"/>'));
    expect(box.querySelectorAll('svg')).toHaveLength(1);
    expect(box.querySelector('circle')).not.toBeNull();
  });
});
