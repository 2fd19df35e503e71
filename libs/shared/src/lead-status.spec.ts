import { allowedTargets, checkTransition } from './lead-status';

describe('the lead pipeline', () => {
  it('moving forward may skip stages, for anyone who may edit the lead', () => {
    expect(checkTransition('new', 'contacted', 'advisor')).toEqual({ allowed: true });
    expect(checkTransition('new', 'applied', 'advisor')).toEqual({ allowed: true });
    expect(checkTransition('admitted', 'enrolled', 'advisor')).toEqual({ allowed: true });
  });

  it('moving backward and reopening a lost lead are for managers and admins', () => {
    expect(checkTransition('applied', 'contacted', 'advisor')).toEqual({ allowed: false, reason: 'backward_needs_manager' });
    expect(checkTransition('applied', 'contacted', 'manager')).toEqual({ allowed: true });
    expect(checkTransition('lost', 'contacted', 'advisor')).toEqual({ allowed: false, reason: 'reopen_needs_manager' });
    expect(checkTransition('lost', 'new', 'admin')).toEqual({ allowed: true });
  });

  it('lost needs a reason and is not reachable once enrolled', () => {
    expect(checkTransition('counselled', 'lost', 'advisor')).toEqual({ allowed: false, reason: 'lost_needs_reason' });
    expect(checkTransition('counselled', 'lost', 'advisor', 'budget')).toEqual({ allowed: true });
    expect(checkTransition('enrolled', 'lost', 'manager', 'budget')).toEqual({ allowed: false, reason: 'enrolled_is_final' });
  });

  it('lists where a lead can go next, per role', () => {
    expect(allowedTargets('shortlisted', 'advisor')).toEqual(['applied', 'admitted', 'enrolled', 'lost']);
    expect(allowedTargets('shortlisted', 'manager')).toEqual(['new', 'contacted', 'counselled', 'applied', 'admitted', 'enrolled', 'lost']);
  });
});
