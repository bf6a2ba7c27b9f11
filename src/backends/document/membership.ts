import type { Group, Seat } from '../../model/model.js';
import { concat, text } from './inline.js';
import type { Block, Inline, ListBlock } from './types.js';
import { capitalise } from './words.js';
import type { Writer } from './write.js';

/**
 * Who sits on a group, in the sentences and lists a reader expects: "The Executive Group is
 * chaired by the partnership chair and includes the independent scrutineer, the delegated
 * safeguarding partners and the chairs of the following subgroups:" and the list; executive
 * and non-executive members as lists; observers one sentence each.
 */

const ROLE_ORDER = ['partnership chair', 'independent scrutineer', 'lead safeguarding partners', 'delegated safeguarding partners', 'safeguarding partners'];

/** `leadIn`: the group's membership prose ends by introducing the list ("… not be limited to:"). */
export function membershipBlocks(g: Group, w: Writer, leadIn = false): Block[] {
  const blocks: Block[] = [];
  const chairSeat = g.chair?.kind === 'seat' ? g.chair.seat : undefined;
  const chairRole = g.chair?.kind === 'seat' ? (g.chair.role ?? 'chair') : undefined;
  /** Why a seat is on the group, leaving out that it chairs it. */
  const reasons = (s: Seat): string[] => s.roles.filter((r) => !(s.id === chairSeat && r === chairRole));
  const chair = w.chair(g);
  const subject = w.subject(g);
  const split = g.seats.some((s) => s.list === 'executive members' || s.list === 'non-executive members');

  if (!split) {
    const seats = g.seats.filter((s) => s.list === 'members' && !(s.id === chairSeat && reasons(s).length === 0));
    const roles: string[] = [];
    const chairsOf: string[] = [];
    const direct: Seat[] = [];
    for (const s of seats) {
      const why = reasons(s);
      if (why.length === 0) direct.push(s);
      for (const r of why) {
        if (r.startsWith('chair of ')) {
          const id = r.slice('chair of '.length);
          if (!chairsOf.includes(id)) chairsOf.push(id);
        } else if (ROLE_ORDER.includes(r) && !roles.includes(r)) roles.push(r);
      }
    }
    // In the order the member list gives them: the chair's own seat comes first in the model, so
    // a role it shares with others takes their place in the list.
    const position = (r: string): number => {
      const others = seats.findIndex((s) => s.id !== chairSeat && reasons(s).includes(r));
      return others >= 0 ? others : seats.findIndex((s) => reasons(s).includes(r));
    };
    roles.sort((a, b) => position(a) - position(b));
    const parts: Inline[][] = roles.map((r) => w.role(r));
    let list: ListBlock | undefined;
    if (direct.length > 0) {
      parts.push(text('the following members'));
      list = { kind: 'list', ordered: false, items: [...direct.map((s) => item(text(w.names.seatItem(s)))), ...chairsOf.map((id) => item(chairOfItem(id, w)))] };
    } else if (chairsOf.length === 1) {
      parts.push(concat('the chair of ', w.theGroup(chairsOf[0]!)));
    } else if (chairsOf.length > 1) {
      const subgroups = chairsOf.every((id) => w.names.group(id)?.kind === 'subgroup');
      parts.push(text(`the chairs of the following ${subgroups ? 'subgroups' : 'groups'}`));
      list = { kind: 'list', ordered: false, items: chairsOf.map((id) => item([w.group(id, w.names.groupLabel(id))])) };
    }
    if (leadIn && !chair && roles.length === 0 && list) {
      // The prose has already said what the list is.
      blocks.push(list);
    } else if (chair || parts.length > 0) {
      const sentence = concat(subject, chair ? concat(' is chaired by ', chair) : [], parts.length > 0 ? concat(chair ? ' and includes ' : ' includes ', joinAnd(parts)) : [], list ? ':' : '.');
      blocks.push({ kind: 'paragraph', content: sentence });
      if (list) blocks.push(list);
    }
  } else {
    if (chair) blocks.push({ kind: 'paragraph', content: concat(subject, ' is chaired by ', chair, '.') });
    const lists: Array<[Seat['list'], string]> = [
      ['executive members', 'executive members'],
      ['non-executive members', 'non-executive members'],
      ['members', 'other members'],
    ];
    for (const [kind, words] of lists) {
      const seats = g.seats.filter((s) => s.list === kind && !(s.id === chairSeat && reasons(s).length === 0));
      if (seats.length === 0) continue;
      blocks.push({ kind: 'paragraph', content: text(`${subject} has the following ${words}:`) });
      blocks.push({ kind: 'list', ordered: false, items: seats.map((s) => item(seatItem(s, reasons(s), w))) });
    }
  }

  const rotation = w.rotation(g);
  if (rotation) blocks.push({ kind: 'paragraph', content: rotation });
  if (g.viceChair) blocks.push({ kind: 'paragraph', content: text(`The vice-chair is ${w.names.postPhrase(g.viceChair)}.`) });

  const observers = g.seats.filter((s) => s.list === 'observers');
  if (observers.length > 0 && observers.length <= 3) {
    for (const s of observers) blocks.push({ kind: 'paragraph', content: text(`${capitalise(w.names.seatPhrase(s))} is a participant observer.`) });
  } else if (observers.length > 3) {
    blocks.push({ kind: 'paragraph', content: text('The following are participant observers:') });
    blocks.push({ kind: 'list', ordered: false, items: observers.map((s) => item(text(w.names.seatItem(s)))) });
  }
  return blocks;
}

function item(content: Inline[]): ListBlock['items'][number] {
  return { content, children: undefined };
}

/** "Chair of the Safeguarding Management Group", the name linked. */
function chairOfItem(id: string, w: Writer): Inline[] {
  return concat('Chair of ', w.theGroup(id));
}

/** A seat as a list item: the chair of a group, or the post, unit or organisation. */
function seatItem(s: Seat, reasons: readonly string[], w: Writer): Inline[] {
  const chairOf = reasons.find((r) => r.startsWith('chair of '));
  if (s.kind === 'chair' && chairOf) return chairOfItem(chairOf.slice('chair of '.length), w);
  if (chairOf) return concat(w.names.seatItem(s), ' (chair of ', w.theGroup(chairOf.slice('chair of '.length)), ')');
  return text(w.names.seatItem(s));
}

/** Inline runs joined "a, b and c". */
function joinAnd(parts: readonly Inline[][]): Inline[] {
  const out: Array<Inline[] | string> = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(i === parts.length - 1 ? ' and ' : ', ');
    out.push(p);
  });
  return concat(...out);
}
