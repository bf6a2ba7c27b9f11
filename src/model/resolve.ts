import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type * as A from '../syntax/ast.js';
import { joinLines } from '../syntax/prose.js';
import { dutyKind, findDeadline, findUnitlessDeadline } from './deadline.js';
import type * as M from './model.js';

type SymbolKind = 'organisation' | 'unit' | 'post' | 'group' | 'collaboration';

interface SymbolEntry {
  kind: SymbolKind;
  span: Span;
}

const PLACEHOLDERS: readonly string[] = [
  'lead safeguarding partners',
  'delegated safeguarding partners',
  'partnership chair',
  'independent scrutineer',
  'relevant agencies',
  'functional links',
  'structure diagram',
  'groups',
  'group',
  'review schedule',
];

const KIND_NAMES: Record<SymbolKind, string> = {
  organisation: 'an organisation',
  unit: 'a unit',
  post: 'a post',
  group: 'a group',
  collaboration: 'a collaboration',
};

export interface ResolveResult {
  model: M.Model | undefined;
  diagnostics: Diagnostic[];
}

/** Resolves the syntax trees of a project's files into one partnership model. */
export function resolve(files: readonly A.SourceFileNode[]): ResolveResult {
  return new Resolver(files).run();
}

class Resolver {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly symbols = new Map<string, SymbolEntry>();
  private readonly organisations: M.Organisation[] = [];
  private readonly units: M.Unit[] = [];
  private readonly posts: M.Post[] = [];
  private readonly groupDecls: A.GroupDecl[] = [];
  private readonly sections: M.Section[] = [];
  private readonly collaborations: M.Collaboration[] = [];
  private readonly partnerships: A.PartnershipDecl[] = [];
  private indexes: { postById: Map<string, M.Post>; unitById: Map<string, M.Unit> } | undefined;

  /** Names whose declarations could not be read (SourceFileNode.unread). */
  private readonly unread: ReadonlySet<string>;

  constructor(private readonly files: readonly A.SourceFileNode[]) {
    this.unread = new Set(files.flatMap((f) => f.unread ?? []));
  }

  run(): ResolveResult {
    this.declare();
    const decl = this.partnerships[0];
    if (!decl) {
      const file = this.files[0]?.path ?? '<none>';
      const at = { line: 1, column: 1, offset: 0 };
      this.error('resolve/no-partnership', { file, start: at, end: at }, 'These sources declare no partnership.', 'Add one, e.g. `partnership iowscp: Isle of Wight Safeguarding Children Partnership`.');
      return { model: undefined, diagnostics: this.diagnostics };
    }
    for (const extra of this.partnerships.slice(1)) {
      this.error('resolve/two-partnerships', extra.id.span, `A project describes one partnership, but \`${extra.id.name}\` is a second one (the first is \`${decl.id.name}\`).`, 'Put each partnership in its own folder.');
    }
    const partnership = this.partnership(decl);
    const groups = this.groups(partnership);
    this.checkAccountability(groups);
    for (const section of this.sections) this.checkPlaceholders(section.body);
    const model: M.Model = {
      partnership,
      organisations: this.organisations,
      units: this.units,
      posts: this.posts,
      groups,
      sections: this.sections,
      collaborations: this.collaborations,
    };
    return { model, diagnostics: this.diagnostics };
  }

  /** A warning, not an error: the sentence is published as written; only its date cannot be worked out. */
  private unitlessDeadline(span: Span, phrase: string): void {
    const [amount = '', ...rest] = phrase.split(/\s+/);
    this.diagnostics.push(
      diagnostic(
        'resolve/deadline-without-unit',
        'warning',
        span,
        `\`${phrase}\` does not say days, working days or weeks, so tor cannot date this duty.`,
        `Write e.g. \`${amount} working days ${rest.join(' ')}\`.`,
      ),
    );
  }

  private error(code: string, span: Span, message: string, hint?: string): void {
    this.diagnostics.push(diagnostic(code, 'error', span, message, hint));
  }

  // ---- symbols -------------------------------------------------------------------------

  private define(id: A.Id, kind: SymbolKind): boolean {
    const existing = this.symbols.get(id.name);
    if (existing) {
      const where = `${existing.span.file}:${existing.span.start.line}`;
      this.error('resolve/duplicate-id', id.span, `\`${id.name}\` is already declared, as ${KIND_NAMES[existing.kind]} at ${where}.`, 'Every organisation, unit, post, group and collaboration needs a different name.');
      return false;
    }
    this.symbols.set(id.name, { kind, span: id.span });
    return true;
  }

  private declare(): void {
    const sectionIds = new Map<string, Span>();
    for (const file of this.files) {
      for (const decl of file.declarations) {
        switch (decl.kind) {
          case 'partnership':
            this.partnerships.push(decl);
            break;
          case 'organisation':
            this.organisation(decl);
            break;
          case 'post':
            if (this.define(decl.id, 'post')) this.posts.push(post(decl, undefined));
            break;
          case 'group':
            if (this.define(decl.id, 'group')) this.groupDecls.push(decl);
            break;
          case 'collaboration':
            if (this.define(decl.id, 'collaboration')) {
              this.collaborations.push({ id: decl.id.name, name: decl.name.text, shortName: this.onceField(decl.body, 'short name'), span: decl.span });
            }
            break;
          case 'section': {
            const previous = sectionIds.get(decl.id.name);
            if (previous) {
              this.error('resolve/duplicate-section', decl.id.span, `There is already a section \`${decl.id.name}\` (${previous.file}:${previous.start.line}).`, 'Give each section a different name, or merge them.');
            } else {
              sectionIds.set(decl.id.name, decl.id.span);
              this.sections.push({ id: decl.id.name, title: decl.title.text, body: decl.body, span: decl.span });
            }
            break;
          }
          case 'include':
            break;
        }
      }
    }
  }

  private organisation(decl: A.OrganisationDecl): void {
    if (!this.define(decl.id, 'organisation')) return;
    this.organisations.push({
      id: decl.id.name,
      name: decl.name.text,
      kind: this.onceField(decl.body, 'kind')?.toLowerCase().replace(/\s+/g, ' '),
      shortName: this.onceField(decl.body, 'short name'),
      span: decl.span,
    });
    for (const member of decl.body) {
      if (member.kind === 'unit' && this.define(member.id, 'unit')) {
        this.units.push({ id: member.id.name, name: member.name.text, organisation: decl.id.name, span: member.span });
      }
      if (member.kind === 'post' && this.define(member.id, 'post')) this.posts.push(post(member, decl.id.name));
    }
  }

  /** The value of a field that may be given once; a second one is reported. */
  private onceField(body: ReadonlyArray<{ kind: string }>, key: A.FieldKey): string | undefined {
    const fields = body.filter((s): s is A.Field => s.kind === 'field' && (s as A.Field).key === key);
    for (const extra of fields.slice(1)) this.error('resolve/repeated', extra.span, `\`${key}\` is given twice.`, 'Keep one.');
    return fields[0]?.value.text;
  }

  /** Looks an id up, requiring one of `kinds`; reports unknown names with the nearest match. */
  private ref(id: A.Id, kinds: readonly SymbolKind[], purpose: string): string | undefined {
    const entry = this.symbols.get(id.name);
    if (entry && kinds.includes(entry.kind)) return id.name;
    const wanted = orList(kinds.map((k) => KIND_NAMES[k]));
    if (entry) {
      this.error('resolve/wrong-kind', id.span, `\`${id.name}\` is ${KIND_NAMES[entry.kind]}, but ${purpose} must be ${wanted}.`, `Name ${wanted} here, by its id.`);
      return undefined;
    }
    // Declared in a declaration whose first line had a syntax error: that error says it all.
    if (this.unread.has(id.name)) return undefined;
    const candidates = [...this.symbols].filter(([, e]) => kinds.includes(e.kind)).map(([name]) => name);
    const best = closest(id.name, candidates);
    this.error(
      'resolve/unknown-name',
      id.span,
      `\`${id.name}\` is not ${wanted} declared in this project${best ? ` — did you mean \`${best}\`?` : '.'}`,
      best ? `Correct the spelling to \`${best}\`, or declare \`${id.name}\` if it is new.` : `Declare it (e.g. \`${kinds[0] === 'group' ? 'group' : kinds[0] === 'post' ? 'post' : 'organisation'} ${id.name}: …\`) or check the spelling.`,
    );
    return undefined;
  }

  private refs(ids: readonly A.Id[], kinds: readonly SymbolKind[], purpose: string): string[] {
    return ids.map((id) => this.ref(id, kinds, purpose)).filter((x): x is string => x !== undefined);
  }

  // ---- the partnership -------------------------------------------------------------------

  private partnership(decl: A.PartnershipDecl): M.Partnership {
    const spans: M.Partnership['spans'] = {};
    const seen = (field: M.PartnershipField, span: Span): boolean => {
      const before = spans[field];
      if (before) {
        this.error('resolve/repeated', span, `The partnership already gives its ${field} (line ${before.start.line}).`, 'Keep one.');
        return false;
      }
      spans[field] = span;
      return true;
    };
    const p: M.Partnership = {
      id: decl.id.name,
      name: decl.name.text,
      shortName: undefined,
      documentTitle: undefined,
      area: undefined,
      edition: undefined,
      published: undefined,
      review: undefined,
      safeguardingPartners: [],
      leadPartners: [],
      delegatedPartners: [],
      partnershipChair: undefined,
      independentScrutineer: undefined,
      relevantAgencies: [],
      relevantAgenciesProse: undefined,
      functionalLinks: [],
      functionalLinksProse: undefined,
      span: decl.span,
      spans,
    };
    for (const stmt of decl.body) {
      switch (stmt.kind) {
        case 'field':
          if (!seen(stmt.key as M.PartnershipField, stmt.span)) break;
          if (stmt.key === 'short name') p.shortName = stmt.value.text;
          else if (stmt.key === 'document title') p.documentTitle = stmt.value.text;
          else p.area = stmt.value.text;
          break;
        case 'edition':
          if (seen('edition', stmt.span)) p.edition = stmt.year as M.EditionYear;
          break;
        case 'published':
          if (seen('published', stmt.span)) p.published = stmt.date;
          break;
        case 'review':
          if (seen('review', stmt.span)) p.review = stmt.schedule;
          break;
        case 'roles':
          if (seen(stmt.role, stmt.span)) this.assignRole(p, stmt);
          break;
        case 'prose':
          if (!seen(stmt.key as M.PartnershipField, stmt.span)) break;
          if (stmt.key === 'relevant agencies') {
            p.relevantAgenciesProse = stmt.prose;
            p.relevantAgencies = listItems(stmt.prose).map(({ text, span }) => agency(text, span));
          } else {
            p.functionalLinksProse = stmt.prose;
            p.functionalLinks = listItems(stmt.prose).map(({ text }) => text);
          }
          this.checkPlaceholders(stmt.prose);
          break;
      }
    }
    return p;
  }

  private assignRole(p: M.Partnership, stmt: A.RoleAssignment): void {
    switch (stmt.role) {
      case 'safeguarding partners':
        p.safeguardingPartners = this.refs(stmt.ids, ['organisation'], 'a safeguarding partner');
        break;
      case 'lead safeguarding partners':
        p.leadPartners = this.refs(stmt.ids, ['post'], 'a lead safeguarding partner');
        break;
      case 'delegated safeguarding partners':
        p.delegatedPartners = this.refs(stmt.ids, ['post'], 'a delegated safeguarding partner');
        break;
      case 'partnership chair':
        p.partnershipChair = stmt.ids[0] && this.ref(stmt.ids[0], ['post'], 'the partnership chair');
        break;
      case 'independent scrutineer':
        p.independentScrutineer = stmt.ids[0] && this.ref(stmt.ids[0], ['post'], 'the independent scrutineer');
        break;
    }
  }

  // ---- groups ---------------------------------------------------------------------------

  private groups(p: M.Partnership): M.Group[] {
    const groups = this.groupDecls.map((decl) => this.group(decl, p));
    const byId = new Map(groups.map((g) => [g.id, g]));
    for (let k = 0; k < groups.length; k++) this.seats(this.groupDecls[k]!, groups[k]!, p, byId);
    return groups;
  }

  private group(decl: A.GroupDecl, p: M.Partnership): M.Group {
    const g: M.Group = {
      id: decl.id.name,
      title: decl.title.text,
      kind: undefined,
      shortName: undefined,
      partOf: undefined,
      jointWith: undefined,
      accountableTo: undefined,
      chair: undefined,
      chairSpec: undefined,
      viceChair: undefined,
      seats: [],
      deputies: undefined,
      cadence: undefined,
      meetingsStart: undefined,
      quorum: undefined,
      ifInquorate: undefined,
      decisions: undefined,
      review: undefined,
      prose: {},
      support: undefined,
      sections: [],
      span: decl.span,
    };
    const seen = new Map<string, Span>();
    const once = (what: string, span: Span): boolean => {
      const before = seen.get(what);
      if (before) {
        this.error('resolve/repeated', span, `The group \`${g.id}\` already says ${what} (line ${before.start.line}).`, 'Keep one, or merge them.');
        return false;
      }
      seen.set(what, span);
      return true;
    };
    for (const stmt of decl.body) {
      switch (stmt.kind) {
        case 'field':
          if (!once(`its ${stmt.key}`, stmt.span)) break;
          if (stmt.key === 'kind') g.kind = stmt.value.text.toLowerCase().replace(/\s+/g, ' ');
          else if (stmt.key === 'short name') g.shortName = stmt.value.text;
          else if (stmt.key === 'joint with') g.jointWith = stmt.value.text;
          else if (stmt.key === 'if inquorate') g.ifInquorate = stmt.value.text;
          break;
        case 'prose':
          if (!once(stmt.key === 'support' ? 'who supports it' : `its ${stmt.key}`, stmt.span)) break;
          if (stmt.key === 'support') g.support = support(stmt, (span, phrase) => this.unitlessDeadline(span, phrase));
          else g.prose[stmt.key as M.GroupProseKey] = stmt.prose;
          this.checkPlaceholders(stmt.prose);
          break;
        case 'section':
          g.sections.push({ id: stmt.id.name, title: stmt.title.text, body: stmt.body, span: stmt.span });
          this.checkPlaceholders(stmt.body);
          break;
        case 'part of':
          if (once('what it is part of', stmt.span)) g.partOf = this.ref(stmt.collaboration, ['collaboration'], 'what a group is part of');
          break;
        case 'accountable to':
          if (!once('who it is accountable to', stmt.span)) break;
          if (stmt.target.kind === 'role') g.accountableTo = { kind: 'role', role: stmt.target.role, span: stmt.span };
          else {
            const target = this.ref(stmt.target.id, ['group'], 'what a group is accountable to');
            if (target) g.accountableTo = { kind: 'group', group: target, span: stmt.span };
          }
          break;
        case 'chair':
          if (once('who chairs it', stmt.span)) {
            g.chairSpec = stmt.chair;
            g.chair = this.chair(stmt.chair, p, stmt.span);
          }
          break;
        case 'rotation':
          if (once('who chairs it', stmt.span)) {
            g.chair = { kind: 'rotation', organisations: this.refs(stmt.organisations, ['organisation'], 'an organisation in a chair rotation'), span: stmt.span };
          }
          break;
        case 'vice chair':
          if (once('who is vice-chair', stmt.span)) g.viceChair = this.seatOfWho(stmt.who, p);
          break;
        case 'member list':
          break;
        case 'deputies':
          if (once('its rules for deputies', stmt.span)) g.deputies = { rules: stmt.rules.map((r) => r.rule), span: stmt.span };
          break;
        case 'meets':
          if (once('how often it meets', stmt.span)) g.cadence = { first: stmt.first, thereafter: stmt.thereafter, span: stmt.span };
          break;
        case 'meetings start':
          if (once('when its meetings start', stmt.span)) g.meetingsStart = { date: stmt.date, arrangedYearAhead: stmt.arrangedYearAhead, span: stmt.span };
          break;
        case 'quorum':
          if (once('when it is quorate', stmt.span)) {
            this.checkQuorumRefs(stmt.expr);
            g.quorum = { expr: stmt.expr, span: stmt.span };
          }
          break;
        case 'decides':
          if (once('how it decides', stmt.span)) g.decisions = { consensus: stmt.consensus, majorityOf: stmt.majorityOf, span: stmt.span };
          break;
        case 'review':
          if (once('when it is reviewed', stmt.span)) g.review = { schedule: stmt.schedule, span: stmt.span };
          break;
      }
    }
    return g;
  }

  private chair(spec: A.ChairSpec, p: M.Partnership, span: Span): M.Chair | undefined {
    switch (spec.kind) {
      case 'nominated': {
        const by = this.ref(spec.by, ['group'], 'the group that nominates a chair');
        return by ? { kind: 'nominated', by, span } : undefined;
      }
      case 'independent':
        return { kind: 'independent', appointedBy: spec.appointedBy, span };
      case 'who': {
        const seat = this.seatOfWho(spec.who, p);
        return seat ? { kind: 'seat', seat, role: spec.who.kind === 'role' ? spec.who.role : undefined, span } : undefined;
      }
    }
  }

  /** The post that a single-person role or id names. */
  private seatOfWho(who: A.Who, p: M.Partnership): string | undefined {
    if (who.kind === 'id') return this.ref(who.id, ['post'], 'a chair');
    if (who.role === 'partnership chair' || who.role === 'independent scrutineer') {
      const post = who.role === 'partnership chair' ? p.partnershipChair : p.independentScrutineer;
      if (!post) this.error('resolve/role-not-assigned', who.span, `The ${who.role} is named here, but the partnership does not say who it is.`, `Add \`${who.role}: <post>\` to the partnership.`);
      return post;
    }
    this.error('resolve/not-one-person', who.span, `\`the ${who.role}\` is not one person.`, 'Name a post, `the partnership chair` or `the independent scrutineer`.');
    return undefined;
  }

  private checkQuorumRefs(expr: A.QuorumExpr): void {
    switch (expr.kind) {
      case 'and':
      case 'or':
        for (const t of expr.terms) this.checkQuorumRefs(t);
        break;
      case 'brackets':
        this.checkQuorumRefs(expr.expr);
        break;
      case 'each of':
        for (const who of expr.organisations) if (who.kind === 'id') this.ref(who.id, ['organisation', 'unit'], 'each place in `one member from each of`');
        break;
      case 'representative':
        this.ref(expr.organisation, ['organisation', 'unit'], 'a represented organisation');
        break;
      case 'present':
        if (expr.who.kind === 'id') this.ref(expr.who.id, ['post', 'unit', 'organisation'], 'someone who must be present');
        break;
      default:
        break;
    }
  }

  /** Posts and units by id, built once when the first group needs them. */
  private lookups(): { postById: Map<string, M.Post>; unitById: Map<string, M.Unit> } {
    this.indexes ??= { postById: new Map(this.posts.map((x) => [x.id, x])), unitById: new Map(this.units.map((x) => [x.id, x])) };
    return this.indexes;
  }

  /** Expands a group's member lists into seats, one per post, unit or organisation. */
  private seats(decl: A.GroupDecl, g: M.Group, p: M.Partnership, groups: ReadonlyMap<string, M.Group>): void {
    const seats = new Map<string, M.Seat>();
    const { postById, unitById } = this.lookups();
    const add = (id: string, kind: M.Seat['kind'], list: A.MemberListKind, role: string | undefined, span: Span): void => {
      const existing = seats.get(id);
      if (existing) {
        if (role && !existing.roles.includes(role)) existing.roles.push(role);
        return;
      }
      const postDecl = kind === 'post' ? postById.get(id) : undefined;
      const organisation = kind === 'post' ? postDecl?.organisation : kind === 'unit' ? unitById.get(id)?.organisation : kind === 'organisation' ? id : undefined;
      seats.set(id, { id, kind, organisation, person: postDecl?.holder, list, roles: role ? [role] : [], span });
    };
    // Whoever chairs a group sits on it.
    if (g.chair?.kind === 'seat') add(g.chair.seat, 'post', 'members', g.chair.role ?? 'chair', g.chair.span);
    const lists = decl.body.filter((s): s is A.MemberList => s.kind === 'member list');
    const listsSeen = new Map<string, Span>();
    for (const list of lists) {
      const before = listsSeen.get(list.list);
      if (before) this.error('resolve/repeated', list.span, `The group \`${g.id}\` already has a \`${list.list}:\` list (line ${before.start.line}).`, 'Merge the two lists.');
      listsSeen.set(list.list, list.span);
      for (const item of list.items) this.memberItem(item, list.list, p, groups, add);
    }
    g.seats = [...seats.values()];
    const ids = new Map<string, Span>();
    for (const list of lists) {
      for (const item of list.items) {
        const key = memberKey(item);
        const before = ids.get(key);
        if (before) this.error('resolve/duplicate-member', item.span, `\`${memberLabel(item)}\` is already listed as a member (line ${before.start.line}).`, 'Remove the second mention.');
        else ids.set(key, item.span);
      }
    }
  }

  private memberItem(
    item: A.MemberItem,
    list: A.MemberListKind,
    p: M.Partnership,
    groups: ReadonlyMap<string, M.Group>,
    add: (id: string, kind: M.Seat['kind'], list: A.MemberListKind, role: string | undefined, span: Span) => void,
  ): void {
    switch (item.kind) {
      case 'id': {
        const id = this.ref(item.id, ['post', 'unit', 'organisation'], 'a member');
        if (id) add(id, this.symbols.get(id)!.kind as M.Seat['kind'], list, undefined, item.span);
        return;
      }
      case 'representative': {
        const id = this.ref(item.organisation, ['organisation', 'unit'], 'a represented organisation');
        if (id) add(id, this.symbols.get(id)!.kind as M.Seat['kind'], list, undefined, item.span);
        return;
      }
      case 'chairs':
        for (const groupId of item.groups) {
          const id = this.ref(groupId, ['group'], 'a group whose chair is a member');
          const other = id ? groups.get(id) : undefined;
          if (!other) continue;
          const role = `chair of ${other.id}`;
          if (other.chair?.kind === 'seat') add(other.chair.seat, 'post', list, role, item.span);
          else add(`chair-of-${other.id}`, 'chair', list, role, item.span);
        }
        return;
      case 'role':
        this.roleSeats(item.role, item.span, p, list, add);
        return;
    }
  }

  private roleSeats(
    role: A.RoleName,
    span: Span,
    p: M.Partnership,
    list: A.MemberListKind,
    add: (id: string, kind: M.Seat['kind'], list: A.MemberListKind, role: string | undefined, span: Span) => void,
  ): void {
    const assigned = (posts: readonly string[], field: M.PartnershipField): void => {
      if (posts.length === 0) this.error('resolve/role-not-assigned', span, `The ${field} are members here, but the partnership does not name them.`, `Add \`${field}: …\` to the partnership.`);
      for (const post of posts) add(post, 'post', list, field, span);
    };
    switch (role) {
      case 'partnership chair':
      case 'independent scrutineer': {
        const post = role === 'partnership chair' ? p.partnershipChair : p.independentScrutineer;
        if (post) add(post, 'post', list, role, span);
        else this.error('resolve/role-not-assigned', span, `The ${role} is a member here, but the partnership does not say who it is.`, `Add \`${role}: <post>\` to the partnership.`);
        return;
      }
      case 'lead safeguarding partners':
        assigned(p.leadPartners, 'lead safeguarding partners');
        return;
      case 'delegated safeguarding partners':
        assigned(p.delegatedPartners, 'delegated safeguarding partners');
        return;
      case 'safeguarding partners':
        if (p.safeguardingPartners.length === 0) this.error('resolve/role-not-assigned', span, 'The safeguarding partners are members here, but the partnership does not name them.', 'Add `safeguarding partners: …` to the partnership.');
        for (const org of p.safeguardingPartners) add(org, 'organisation', list, 'safeguarding partners', span);
        return;
      default:
        return;
    }
  }

  // ---- whole-project checks -------------------------------------------------------------

  /**
   * Accountability must be a tree: a group accountable, through others, to itself is reported
   * once per cycle. Each group has at most one line upwards, so following it from each group in
   * turn finds every cycle; a loop, not recursion, because a chain may be thousands of groups long.
   */
  private checkAccountability(groups: readonly M.Group[]): void {
    const byId = new Map(groups.map((g) => [g.id, g]));
    const above = (g: M.Group): M.Group | undefined => (g.accountableTo?.kind === 'group' ? byId.get(g.accountableTo.group) : undefined);
    const state = new Map<string, 'visiting' | 'done'>();
    for (const start of groups) {
      const walk: M.Group[] = [];
      let current: M.Group | undefined = start;
      while (current && !state.has(current.id)) {
        state.set(current.id, 'visiting');
        walk.push(current);
        current = above(current);
      }
      if (current && state.get(current.id) === 'visiting') {
        const cycle = walk.slice(walk.indexOf(current));
        const closing = walk[walk.length - 1]!;
        const names = [...cycle, current].map((x) => `\`${x.id}\``).join(' → ');
        if (cycle.length === 1) this.error('resolve/accountability-cycle', closing.accountableTo!.span, `The group \`${current.id}\` is accountable to itself.`, 'Make it accountable to the group above it, or to the lead safeguarding partners.');
        else this.error('resolve/accountability-cycle', closing.accountableTo!.span, `Accountability goes round in a circle: ${names}.`, 'One of these groups must be accountable to a group outside the circle, or to the lead safeguarding partners.');
      }
      for (const g of walk) state.set(g.id, 'done');
    }
  }

  private checkPlaceholders(prose: A.Prose): void {
    for (const item of prose.items) {
      if (item.kind === 'section') {
        this.checkPlaceholders(item.body);
        continue;
      }
      if (item.kind !== 'placeholder') continue;
      if (!PLACEHOLDERS.includes(item.name)) {
        const best = closest(item.name, PLACEHOLDERS);
        this.error('resolve/unknown-placeholder', item.span, `\`{${item.name}}\` is not something tor can fill in${best ? ` — did you mean \`{${best}}\`?` : '.'}`, `Placeholders: ${PLACEHOLDERS.map((x) => `\`{${x === 'group' ? 'group <id>' : x}}\``).join(', ')}.`);
      } else if (item.name === 'group') {
        if (item.argument) this.ref(item.argument, ['group'], 'the group to describe');
        else this.error('resolve/unknown-placeholder', item.span, '`{group}` needs the id of a group.', 'Write e.g. `{group executive}`, or `{groups}` for every group.');
      }
    }
  }
}

/** "a post, a unit or an organisation" */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function post(decl: A.PostDecl, organisation: string | undefined): M.Post {
  return { id: decl.id.name, title: decl.title.text, organisation, holder: decl.heldBy?.text, span: decl.span };
}

/** A member item as the author wrote it, near enough to recognise. */
function memberLabel(item: A.MemberItem): string {
  switch (item.kind) {
    case 'id':
      return item.id.name;
    case 'representative':
      return `a representative of ${item.organisation.name}`;
    case 'chairs':
      return `the chairs of ${item.groups.map((g) => g.name).join(', ')}`;
    case 'role':
      return `the ${item.role}`;
  }
}

function memberKey(item: A.MemberItem): string {
  switch (item.kind) {
    case 'id':
      return `id:${item.id.name}`;
    case 'representative':
      return `id:${item.organisation.name}`;
    case 'chairs':
      return `chairs:${item.groups.map((g) => g.name).join(',')}`;
    case 'role':
      return `role:${item.role}`;
  }
}

/** The top-level list items of a prose block, as published text. */
function listItems(prose: A.Prose): Array<{ text: string; span: Span }> {
  const out: Array<{ text: string; span: Span }> = [];
  for (const item of prose.items) {
    if (item.kind === 'list') for (const li of item.items) out.push({ text: joinLines(li.lines), span: li.span });
  }
  return out;
}

function agency(text: string, span: Span): M.RelevantAgency {
  const start = trailingMarkers(text);
  if (start === text.length) return { name: text, notes: [], span };
  const markers = text.slice(start);
  const notes = markers.startsWith('*') ? [markers] : markers.match(/\[\d+\]/g)!.map(String);
  return { name: text.slice(0, start).trimEnd(), notes, span };
}

/**
 * Where the footnote markers at the end of a name start (`Schools*`, `Police[1][2]`): a run of
 * `*`, or of `[digits]`. Read backwards in a loop; a pattern anchored only at the end would try
 * every `[` of a long run as a start.
 */
function trailingMarkers(text: string): number {
  let start = text.length;
  while (start > 0 && text.charCodeAt(start - 1) === 42 /* * */) start--;
  if (start < text.length) return start;
  for (;;) {
    if (text.charCodeAt(start - 1) !== 93 /* ] */) return start;
    let k = start - 2;
    while (k >= 0 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k--;
    if (k === start - 2 || k < 0 || text.charCodeAt(k) !== 91 /* [ */) return start;
    start = k;
  }
}

function support(field: A.ProseField, unitless: (span: Span, phrase: string) => void): M.Support {
  const duties: M.Duty[] = [];
  for (const item of field.prose.items) {
    if (item.kind !== 'list') continue;
    for (const li of item.items) {
      const text = joinLines(li.lines);
      const deadline = findDeadline(text);
      const phrase = deadline ? undefined : findUnitlessDeadline(text);
      if (phrase !== undefined) unitless(li.span, phrase);
      duties.push({ text, kind: dutyKind(text), deadline, span: li.span });
    }
  }
  return { by: field.label?.text ?? '', duties, prose: field.prose, span: field.span };
}
