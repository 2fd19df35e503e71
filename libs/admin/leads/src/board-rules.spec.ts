import { dropVerdict } from './board-rules';

describe('dropping a card on the board', () => {
  it('moves forward (skipping stages too) for an advisor', () => {
    expect(dropVerdict('new', 'contacted', 'advisor')).toEqual({ kind: 'move' });
    expect(dropVerdict('new', 'applied', 'advisor')).toEqual({ kind: 'move' });
  });

  it('asks for a reason before marking lost', () => {
    expect(dropVerdict('counselled', 'lost', 'advisor')).toEqual({ kind: 'needs-reason' });
  });

  it('refuses up front what only a manager may do, saying why', () => {
    expect(dropVerdict('shortlisted', 'contacted', 'advisor')).toEqual({
      kind: 'refused',
      message: 'Only a manager can move a lead back from Shortlisted to Contacted',
    });
    expect(dropVerdict('lost', 'new', 'advisor')).toEqual({ kind: 'refused', message: 'Only a manager can reopen a lost lead' });
    expect(dropVerdict('enrolled', 'lost', 'manager')).toEqual({ kind: 'refused', message: 'An enrolled lead cannot be marked lost' });
  });

  it('lets managers move back and reopen', () => {
    expect(dropVerdict('shortlisted', 'contacted', 'manager')).toEqual({ kind: 'move' });
    expect(dropVerdict('lost', 'contacted', 'admin')).toEqual({ kind: 'move' });
  });

  it('does nothing when dropped where it was', () => {
    expect(dropVerdict('new', 'new', 'advisor')).toEqual({ kind: 'same' });
  });
});
