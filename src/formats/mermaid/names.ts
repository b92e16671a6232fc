import type { CrosswalkDocument } from '../../model/types';
import { identifierMap, isSafeIdentifier, shortHash } from './text';

// What a person editing the Mermaid text sees: entity titles that name their system when
// the same entity name appears in several places (`Okta User`, `Google User`), and
// identifiers read from those titles (`Okta_User`) wherever that stays unique. Both are
// pure functions of the document, so an export is stable, and a re-import (which takes the
// titles as names and the identifiers as ids) exports the same text again.

/**
 * Each entity's title: its name, prefixed with its system's name when another entity has the
 * same name (compared without case or surrounding space).
 */
export function entityTitles(doc: CrosswalkDocument): ReadonlyMap<string, string> {
  // Documents are immutable, so one computation serves every diagram of a note (a Markdown
  // note draws one erDiagram per system and per pair: recomputing made it quadratic).
  const cached = titleCache.get(doc);
  if (cached) return cached;
  const titles = computeTitles(doc);
  titleCache.set(doc, titles);
  return titles;
}

const titleCache = new WeakMap<CrosswalkDocument, ReadonlyMap<string, string>>();

function computeTitles(doc: CrosswalkDocument): Map<string, string> {
  const key = (name: string) => name.trim().toLowerCase();
  const count = new Map<string, number>();
  for (const e of doc.entities) count.set(key(e.name), (count.get(key(e.name)) ?? 0) + 1);
  const systems = new Map(doc.systems.map((s) => [s.id, s.name]));
  return new Map(
    doc.entities.map((e) => {
      const system = e.system !== undefined ? systems.get(e.system) : undefined;
      return [e.id, (count.get(key(e.name)) ?? 0) > 1 && system !== undefined && system.trim() ? `${system.trim()} ${e.name}` : e.name];
    }),
  );
}

const PLAIN_NAME = /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;

/** A name as an identifier: its ASCII letters and digits joined by `_`, or '' when that is not a safe one. */
function fromName(name: string): string {
  // Most names are already that (`created_at`): skip normalising them.
  const t = PLAIN_NAME.test(name)
    ? name
    : name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return t.length <= 40 && isSafeIdentifier(t) ? t : '';
}

/**
 * Identifiers for items: read from the title where that gives a safe identifier no other
 * item gets; otherwise derived from the id (as {@link identifierMap} does), kept apart from
 * the readable ones. Deterministic; distinct items always get distinct identifiers.
 */
export function readableIdentifiers(items: readonly { id: string; title: string }[]): Map<string, string> {
  const candidate = new Map(items.map((it) => [it.id, fromName(it.title)]));
  const uses = new Map<string, number>();
  for (const c of candidate.values()) if (c) uses.set(c, (uses.get(c) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const rest: string[] = [];
  for (const it of items) {
    const c = candidate.get(it.id)!;
    if (c && uses.get(c) === 1) {
      out.set(it.id, c);
      taken.add(c);
    } else rest.push(it.id);
  }
  const fallback = identifierMap(rest);
  for (const id of rest) {
    let ident = fallback.get(id)!;
    for (let n = 2; taken.has(ident); n++) ident = `${fallback.get(id)}_${shortHash(id)}${n > 2 ? `_${n}` : ''}`;
    out.set(id, ident);
    taken.add(ident);
  }
  return out;
}

/** The theme every exported diagram carries: black on white, one font, in any renderer. */
export const THEME_DIRECTIVE =
  '%%{init: {"theme": "base", "themeVariables": {"background": "#ffffff", "primaryColor": "#ffffff", "primaryBorderColor": "#000000", "primaryTextColor": "#000000", "secondaryColor": "#ffffff", "tertiaryColor": "#ffffff", "lineColor": "#000000", "textColor": "#000000", "mainBkg": "#ffffff", "nodeBorder": "#000000", "clusterBkg": "#ffffff", "clusterBorder": "#000000", "edgeLabelBackground": "#ffffff", "attributeBackgroundColorOdd": "#ffffff", "attributeBackgroundColorEven": "#ffffff", "fontFamily": "Arial, Helvetica, sans-serif"}}}%%';
