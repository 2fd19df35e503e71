import { canonicalState, INDIA_STATES, STATE_KEYS, stateToStore } from './india-states';

describe('Indian states and union territories', () => {
  it('lists the 28 states and 8 union territories by their current names', () => {
    expect(INDIA_STATES).toHaveLength(36);
    expect(new Set(INDIA_STATES).size).toBe(36);
    expect(INDIA_STATES).toEqual(expect.arrayContaining(['Odisha', 'Puducherry', 'Ladakh', 'Dadra and Nagar Haveli and Daman and Diu']));
  });

  it('maps names whatever their case and spacing, and the common aliases', () => {
    expect(canonicalState('uttar pradesh')).toBe('Uttar Pradesh');
    expect(canonicalState('  UTTAR   PRADESH ')).toBe('Uttar Pradesh');
    expect(canonicalState('UP')).toBe('Uttar Pradesh');
    expect(canonicalState('Orissa')).toBe('Odisha');
    expect(canonicalState('Delhi NCR')).toBe('Delhi');
    expect(canonicalState('new delhi')).toBe('Delhi');
    expect(canonicalState('Pondicherry')).toBe('Puducherry');
    expect(canonicalState('J&K')).toBe('Jammu and Kashmir');
    expect(canonicalState('Tamilnadu')).toBe('Tamil Nadu');
    expect(canonicalState('uttaranchal')).toBe('Uttarakhand');
  });

  it('recognises nothing else, and keeps unknown text as typed', () => {
    expect(canonicalState('Dubai')).toBeNull();
    expect(canonicalState('')).toBeNull();
    expect(canonicalState(null)).toBeNull();
    expect(stateToStore('  Dubai ')).toBe('Dubai');
    expect(stateToStore('orissa')).toBe('Odisha');
    expect(stateToStore('  ')).toBeNull();
  });

  it('every state is recognised by its own name', () => {
    for (const state of INDIA_STATES) expect(canonicalState(state)).toBe(state);
    expect(STATE_KEYS.size).toBeGreaterThan(36);
  });
});
