import type { Model } from '../../src/model/model.js';
import { memberKey, quorumPanel, type Attendance, type DeputyChoice, type MemberRow, type QuorumPanel } from './quorum-panel.js';

/**
 * The quorum simulator on the page. The checkboxes are redrawn only when the group or its
 * members change, so ticking one keeps focus on it; the verdict and clauses are redrawn on
 * every tick and every compile.
 */

interface Elements {
  group: HTMLSelectElement;
  rule: HTMLElement;
  deputyRule: HTMLElement;
  rows: HTMLElement;
  fieldset: HTMLFieldSetElement;
  verdict: HTMLElement;
  clauses: HTMLElement;
}

const DEPUTY_CHOICES: ReadonlyArray<[DeputyChoice, string]> = [
  ['none', 'no deputy'],
  ['deputy', 'deputy attends'],
  ['authority', 'deputy with full authority'],
];

export class QuorumView {
  private model: Model | undefined;
  private wanted: string | undefined;
  /** Attendance per group id, kept across compiles. */
  private readonly attendance = new Map<string, { present: Set<string>; deputies: Map<string, DeputyChoice> }>();
  private drawnMembers = '';

  constructor(private readonly el: Elements) {
    el.group.addEventListener('change', () => {
      this.wanted = el.group.value;
      this.draw();
    });
  }

  update(model: Model | undefined): void {
    // A model that cannot be read keeps the last simulation on screen.
    if (!model) return;
    this.model = model;
    this.draw();
  }

  private attendanceOf(group: string): { present: Set<string>; deputies: Map<string, DeputyChoice> } {
    let a = this.attendance.get(group);
    if (!a) this.attendance.set(group, (a = { present: new Set(), deputies: new Map() }));
    return a;
  }

  private draw(): void {
    const panel = quorumPanel(this.model, this.wanted, this.current());
    this.drawGroups(panel);
    this.el.rule.textContent = panel.rule ?? (panel.groups.length === 0 ? 'No group in these sources has a quorum (a `quorate when …` line).' : '');
    this.el.deputyRule.textContent = panel.deputyRule ?? '';
    const key = memberKey(panel);
    if (key !== this.drawnMembers) {
      this.drawnMembers = key;
      this.drawMembers(panel);
    }
    this.drawVerdict(panel);
  }

  private current(): Attendance {
    const id = this.wanted ?? this.model?.groups.find((g) => g.quorum)?.id;
    return id ? this.attendanceOf(id) : { present: new Set(), deputies: new Map() };
  }

  private drawGroups(panel: QuorumPanel): void {
    const select = this.el.group;
    const signature = panel.groups.map((g) => `${g.id}\u0000${g.title}`).join('\u0001');
    if (select.dataset['groups'] !== signature) {
      select.dataset['groups'] = signature;
      select.replaceChildren(...panel.groups.map((g) => new Option(`${g.title} (${g.id})`, g.id)));
    }
    select.disabled = panel.groups.length === 0;
    if (panel.group) select.value = panel.group.id;
  }

  private drawMembers(panel: QuorumPanel): void {
    this.el.fieldset.hidden = panel.members.length === 0;
    const group = panel.group;
    if (!group) return this.el.rows.replaceChildren();
    const attendance = this.attendanceOf(group.id);
    this.el.rows.replaceChildren(...panel.members.map((m, i) => this.memberRow(m, `attends-${i}`, attendance)));
  }

  /** A member's checkbox and, unless they are an observer, who comes in their place when they are absent. */
  private memberRow(m: MemberRow, id: string, attendance: { present: Set<string>; deputies: Map<string, DeputyChoice> }): HTMLElement {
    const row = document.createElement('div');
    row.className = 'member';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = attendance.present.has(m.seat);
    const label = document.createElement('label');
    label.htmlFor = id;
    label.append(box, `${m.label}${m.observer ? ' (observer: never counts)' : ''}`);
    row.append(label);
    let deputy: HTMLSelectElement | undefined;
    if (!m.observer) {
      deputy = document.createElement('select');
      deputy.setAttribute('aria-label', `If absent: deputy for ${m.label}`);
      deputy.append(...DEPUTY_CHOICES.map(([value, text]) => new Option(text, value)));
      deputy.value = attendance.deputies.get(m.seat) ?? 'none';
      deputy.disabled = box.checked;
      const chosen = deputy;
      chosen.addEventListener('change', () => {
        attendance.deputies.set(m.seat, chosen.value as DeputyChoice);
        this.draw();
      });
      row.append(chosen);
    }
    box.addEventListener('change', () => {
      if (box.checked) attendance.present.add(m.seat);
      else attendance.present.delete(m.seat);
      if (deputy) deputy.disabled = box.checked;
      this.draw();
    });
    return row;
  }

  private drawVerdict(panel: QuorumPanel): void {
    const verdict = panel.verdict;
    const text = verdict ? verdict.headline : '';
    if (this.el.verdict.textContent !== text) this.el.verdict.textContent = text;
    this.el.verdict.className = `verdict${verdict ? (verdict.quorate ? ' quorate' : ' not-quorate') : ''}`;
    const items = (verdict?.clauses ?? []).map((c) => {
      const li = document.createElement('li');
      li.className = c.passed ? 'passed' : 'failed';
      li.style.marginLeft = `${c.depth * 1.5}rem`;
      const mark = document.createElement('span');
      mark.className = 'mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = c.passed ? '✓' : '✗';
      const said = document.createElement('span');
      said.className = 'visually-hidden';
      said.textContent = c.passed ? 'Met: ' : 'Not met: ';
      li.append(mark, said, `${c.text} — ${c.detail}`);
      return li;
    });
    const deputies = (verdict?.deputies ?? []).map((d) => {
      const li = document.createElement('li');
      li.textContent = d;
      return li;
    });
    this.el.clauses.replaceChildren(...items, ...deputies);
  }
}
