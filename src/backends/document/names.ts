import type { Group, Model, Organisation, Post, Seat, Unit } from '../../model/model.js';

/**
 * How the documents name things: organisations, units, posts and the people in them, groups.
 * Two forms: a list item ("Chief Nurse, Integrated Care Board – Paula Wilkins") and a phrase
 * inside a sentence ("the Chief Nurse, Integrated Care Board (Paula Wilkins)").
 */
export class Names {
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly groups: ReadonlyMap<string, Group>;

  constructor(readonly model: Model) {
    this.organisations = new Map(model.organisations.map((o) => [o.id, o]));
    this.units = new Map(model.units.map((u) => [u.id, u]));
    this.posts = new Map(model.posts.map((p) => [p.id, p]));
    this.groups = new Map(model.groups.map((g) => [g.id, g]));
  }

  /** An organisation or unit by name: "Isle of Wight Council", "Isle of Wight Council, Public Health". */
  place(id: string): string {
    const unit = this.units.get(id);
    if (unit) return `${this.organisation(unit.organisation)}, ${unit.name}`;
    return this.organisation(id);
  }

  organisation(id: string): string {
    return this.organisations.get(id)?.name ?? id;
  }

  /** An organisation with its short name when that adds something: "National Probation Service (NPS)". */
  organisationLabel(id: string): string {
    const org = this.organisations.get(id);
    if (!org) return this.place(id);
    return org.shortName && !org.name.includes(org.shortName) ? `${org.name} (${org.shortName})` : org.name;
  }

  /** A post's title and organisation, without the holder: "Chief Nurse, Integrated Care Board". */
  postTitle(id: string): string {
    const post = this.posts.get(id);
    if (!post) return id;
    if (!post.organisation) return post.title;
    const org = this.organisation(post.organisation);
    // "Primary School Representative, Primary Schools" says the same thing twice.
    const firstWord = (s: string) => s.split(/\s+/)[0]!.toLowerCase();
    return firstWord(post.title) === firstWord(org) ? post.title : `${post.title}, ${org}`;
  }

  /** A post as a list item: "Chief Nurse, Integrated Care Board – Paula Wilkins". */
  postItem(id: string): string {
    const holder = this.posts.get(id)?.holder;
    return holder ? `${this.postTitle(id)} – ${holder}` : this.postTitle(id);
  }

  /**
   * A post inside a sentence: "the Chief Nurse, Integrated Care Board (Paula Wilkins)"; a title
   * with commas of its own keeps its organisation apart: "the Cabinet Member for Children's
   * Services, Education and Skills (Isle of Wight Council)".
   */
  postPhrase(id: string): string {
    const post = this.posts.get(id);
    if (!post) return id;
    const holder = post.holder;
    const title = this.postTitle(id);
    if (post.organisation && post.title.includes(',') && title !== post.title) {
      return `the ${post.title} (${[this.organisation(post.organisation), holder].filter(Boolean).join(', ')})`;
    }
    return `the ${title}${holder ? ` (${holder})` : ''}`;
  }

  /** A seat as a list item. */
  seatItem(seat: Seat): string {
    switch (seat.kind) {
      case 'post':
        return this.postItem(seat.id);
      case 'unit':
        return this.place(seat.id);
      case 'organisation':
        return this.organisationLabel(seat.id);
      case 'chair':
        return seat.id;
    }
  }

  /** A seat inside a sentence. */
  seatPhrase(seat: Seat): string {
    switch (seat.kind) {
      case 'post':
        return this.postPhrase(seat.id);
      case 'unit':
      case 'organisation':
        return `a representative of ${this.place(seat.id)}`;
      case 'chair':
        return seat.id;
    }
  }

  /** A post, unit or organisation named by id, inside a sentence. */
  phrase(id: string): string {
    if (this.posts.has(id)) return this.postPhrase(id);
    if (this.units.has(id) || this.organisations.has(id)) return `a representative of ${this.place(id)}`;
    return id;
  }

  group(id: string): Group | undefined {
    return this.groups.get(id);
  }

  groupTitle(id: string): string {
    return this.groups.get(id)?.title ?? id;
  }

  /** "Performance and Quality Assurance Group (PQA)". */
  groupLabel(id: string): string {
    const g = this.groups.get(id);
    if (!g) return id;
    return g.shortName && !g.title.includes(g.shortName) ? `${g.title} (${g.shortName})` : g.title;
  }

  /** "The Executive Group": a group at the start of a sentence. */
  theGroup(id: string): string {
    const title = this.groupTitle(id);
    return /^the\s/i.test(title) ? title[0]!.toUpperCase() + title.slice(1) : `The ${title}`;
  }

  collaboration(id: string): string {
    return this.model.collaborations.find((c) => c.id === id)?.name ?? id;
  }
}
