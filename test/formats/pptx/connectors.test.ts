import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConnectorError, connectorName, glueConnectors, groupTag } from '../../../src/formats/pptx/connectors';

// The post-processing pass, on slide XML shaped like what pptxgenjs writes.

const sp = (id: number, name: string, x: number, y: number, geom = 'rect', text = true) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr>` +
  `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="1000" cy="500"/></a:xfrm><a:prstGeom prst="${geom}"><a:avLst></a:avLst></a:prstGeom>` +
  `<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:prstDash val="dash"/><a:tailEnd type="triangle"/></a:ln></p:spPr>` +
  (text ? '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>t</a:t></a:r></a:p></p:txBody>' : '') +
  '</p:sp>';

const slide = (shapes: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld></p:sld>`;

function wellFormed(xml: string): boolean {
  try {
    execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'ignore', 'ignore'] });
    return true;
  } catch {
    return false;
  }
}

describe('glueConnectors', () => {
  it('turns a marked line into a connector glued to the shapes it names, keeping its look', () => {
    const xml = slide(
      sp(2, 'Connector 1 from Field 1:3 to Link text 2:1 straight', 100, 100, 'line', false) +
        sp(3, 'Field 1', 0, 0) +
        sp(4, 'Link text 2', 3000, 0),
    );
    const out = glueConnectors(xml);
    expect(out).toContain('<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="2" name="Connector 1"/>');
    expect(out).toContain('<a:stCxn id="3" idx="3"/><a:endCxn id="4" idx="1"/>');
    expect(out).toContain('prst="straightConnector1"');
    expect(out).toContain('<a:prstDash val="dash"/><a:tailEnd type="triangle"/>');
    expect(out).not.toContain('prst="line"');
    expect(wellFormed(out)).toBe(true);
  });

  it('writes elbows as bent connectors', () => {
    const out = glueConnectors(slide(sp(2, connectorName(1, 'A 1', 2, 'B 2', 0, 'bent'), 0, 0, 'line', false) + sp(3, 'A 1', 0, 0) + sp(4, 'B 2', 0, 900)));
    expect(out).toContain('prst="bentConnector3"');
    expect(out).toContain('<a:stCxn id="3" idx="2"/><a:endCxn id="4" idx="0"/>');
  });

  it('groups consecutive tagged shapes, untagging their names, and connectors still find them', () => {
    const xml = slide(
      sp(2, connectorName(1, 'Field 2', 3, 'Other 4', 1, 'straight'), 0, 0, 'line', false) +
        sp(3, groupTag('Entity 1', 1), 0, 0) +
        sp(4, groupTag('Field 2', 1), 0, 500) +
        sp(5, groupTag('Field 3', 1), 0, 1000) +
        sp(6, 'Other 4', 5000, 0),
    );
    const out = glueConnectors(xml);
    expect(out.match(/<p:grpSp>/g)).toHaveLength(1);
    const group = /<p:grpSp>[\s\S]*<\/p:grpSp>/.exec(out)![0];
    expect(group).toContain('<a:off x="0" y="0"/><a:ext cx="1000" cy="1500"/><a:chOff x="0" y="0"/><a:chExt cx="1000" cy="1500"/>');
    expect(group.match(/<p:sp>/g)).toHaveLength(3);
    expect(out).toContain('name="Field 2"');
    expect(out).not.toContain('@g');
    expect(out).toContain('<a:stCxn id="4" idx="3"/><a:endCxn id="6" idx="1"/>');
    // The group's id is new and unique on the slide.
    const ids = [...out.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(wellFormed(out)).toBe(true);
  });

  it('keeps a lone tagged shape ungrouped', () => {
    const out = glueConnectors(slide(sp(2, groupTag('Entity 1', 1), 0, 0) + sp(3, 'Plain 2', 0, 0)));
    expect(out).not.toContain('<p:grpSp>');
    expect(out).toContain('name="Entity 1"');
  });

  it('refuses a connector to a shape the slide does not hold', () => {
    expect(() => glueConnectors(slide(sp(2, connectorName(1, 'Field 1', 3, 'Nowhere 9', 1, 'straight'), 0, 0, 'line', false) + sp(3, 'Field 1', 0, 0)))).toThrow(ConnectorError);
  });

  it('leaves a slide without marks as it was', () => {
    const xml = slide(sp(2, 'Title overview', 0, 0) + sp(3, 'Entity table', 0, 0));
    expect(glueConnectors(xml)).toBe(xml);
  });
});
