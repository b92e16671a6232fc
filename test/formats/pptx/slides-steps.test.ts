import { describe, expect, it } from 'vitest';
import { focusScope } from '../../../src/model/meaning';
import { indexDeck } from '../../../src/formats/pptx/slide-frame';
import { stepItems } from '../../../src/formats/pptx/slides-steps';
import { loadExample } from '../../fixtures/examples';

const linkIds = (items: ReturnType<typeof stepItems>) => items.flatMap((it) => ('link' in it ? [it.link.id] : []));

describe('a step slide draws what the focus rule puts in focus', () => {
  const doc = loadExample('identity-lifecycle');
  const ctx = { doc, index: indexDeck(doc) };

  it('a pair of systems: the mappings between their entities and the flow, as the canvas lights them', () => {
    const step = { id: 's', title: 'Pair', focus: ['workday', 'okta'] };
    const ids = linkIds(stepItems(ctx, step));
    expect(ids).toEqual(expect.arrayContaining(['m-email-login', 'm-manager', 'm-status', 'f-wd-okta']));
    expect(ids).not.toContain('f-okta-gws');
    expect(new Set(ids)).toEqual(focusScope(doc, step.focus).links);
    // Both systems are drawn through their links, not again as lone boxes.
    expect(stepItems(ctx, step).filter((it) => 'system' in it)).toEqual([]);
  });

  it('a named link is drawn with its ends; a lone system is drawn alone', () => {
    expect(linkIds(stepItems(ctx, { id: 's', title: 'One link', focus: ['m-status'] }))).toEqual(['m-status']);
    expect(stepItems(ctx, { id: 's', title: 'Slack', focus: ['slack'] })).toEqual([{ system: 'slack' }]);
  });
});
