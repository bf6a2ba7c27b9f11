import { describe, expect, it } from 'vitest';
import { dutyKind, findDeadline, findUnitlessDeadline } from '../../src/model/deadline.js';
import { withPartnership } from '../helpers.js';

describe('deadlines in duty sentences', () => {
  it.each([
    ['Agree the agenda with the chair at least three weeks before the meeting', 3, 'week', 'before', 'at least'],
    ['Send papers to members one week in advance of the meeting', 1, 'week', 'before', undefined],
    ['Agendas and papers will be circulated not less than 5 working days before the meeting.', 5, 'working day', 'before', 'not less than'],
    ['Minutes no later than one week after the meeting', 1, 'week', 'after', 'no later than'],
    ['Minutes within 10 working days of the meeting', 10, 'working day', 'after', 'within'],
    ['Papers 7 calendar days prior to the meeting', 7, 'day', 'before', undefined],
  ])('%s', (text, amount, unit, relation, bound) => {
    expect(findDeadline(text)).toMatchObject({ amount, unit, relation, bound });
  });

  it('finds none where there is none', () => {
    expect(findDeadline('Maintain an up-to-date list of members')).toBeUndefined();
    expect(findDeadline('Report 3 days of the meeting')).toBeUndefined();
  });

  it('tells minutes from papers from agendas', () => {
    expect(dutyKind('Send the agenda and supporting papers')).toBe('papers');
    expect(dutyKind('Produce the meeting minutes and an action tracker')).toBe('minutes');
    expect(dutyKind('Agree the agenda')).toBe('agenda');
    expect(dutyKind('Keep a list of members')).toBe('other');
  });
});

describe('deadlines written without their unit', () => {
  it.each([
    ['Circulate papers at least 5 before the meeting', '5 before the meeting'],
    ['Minutes within ten after the meeting.', 'ten after the meeting'],
  ])('finds the phrase in %j', (text, phrase) => {
    expect(findDeadline(text)).toBeUndefined();
    expect(findUnitlessDeadline(text)).toBe(phrase);
  });

  it('finds none where the unit is there or there is no deadline', () => {
    expect(findUnitlessDeadline('Papers 5 working days before the meeting')).toBeUndefined();
    expect(findUnitlessDeadline('Keep a list of members')).toBeUndefined();
  });

  it('is a warning at the duty, with the fix', () => {
    const result = withPartnership('group g: G\n  support from the team:\n    - Send papers at least 5 before the meeting\n', false);
    expect(result.diagnostics.filter((d) => d.code === 'resolve/deadline-without-unit').map((d) => `${d.start.line}:${d.start.column} ${d.severity} ${d.message} ${d.hint}`)).toEqual([
      '30:5 warning `5 before the meeting` does not say days, working days or weeks, so tor cannot date this duty. Write e.g. `5 working days before the meeting`.',
    ]);
  });
});
