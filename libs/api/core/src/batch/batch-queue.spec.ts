import { BatchQueue } from './batch-queue';

describe('BatchQueue', () => {
  it('runs a lone item at once, and takes what arrived meanwhile as the next batch', async () => {
    const batches: number[][] = [];
    const queue = new BatchQueue<number, number>({ maxBatch: 10, run: async (items) => (batches.push(items), items.map((n) => n * 2)) });
    const results = await Promise.all([1, 2, 3, 4].map((n) => queue.submit(n)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts two items with the same key in one batch, and keeps their order', async () => {
    const batches: string[][] = [];
    const queue = new BatchQueue<string, string>({ maxBatch: 10, key: (s) => s[0], run: async (items) => (batches.push(items), items) });
    await Promise.all(['x0', 'a1', 'a2', 'b1', 'a3', 'b2'].map((s) => queue.submit(s)));
    expect(batches).toEqual([['x0'], ['a1', 'b1'], ['a2', 'b2'], ['a3']]);
  });

  it('caps a batch at maxBatch', async () => {
    const sizes: number[] = [];
    const queue = new BatchQueue<number, number>({ maxBatch: 3, run: async (items) => (sizes.push(items.length), items) });
    await Promise.all(Array.from({ length: 8 }, (_, i) => queue.submit(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });

  it('when a batch fails, runs its items alone so only the bad one fails', async () => {
    const queue = new BatchQueue<number, number>({
      maxBatch: 10,
      retryAlone: true,
      run: async (items) => {
        if (items.includes(13)) throw new Error('unlucky');
        return items;
      },
    });
    const outcomes = await Promise.allSettled([1, 2, 13, 4].map((n) => queue.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('without retryAlone, a failed batch fails every item in it', async () => {
    const queue = new BatchQueue<number, number>({ maxBatch: 10, run: async () => Promise.reject(new Error('down')) });
    const outcomes = await Promise.allSettled([1, 2].map((n) => queue.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await queue.idle();
    expect(queue.pending).toBe(0);
  });

  it('runs up to `concurrency` batches at once', async () => {
    let running = 0;
    let most = 0;
    const queue = new BatchQueue<number, number>({
      maxBatch: 2,
      concurrency: 3,
      run: async (items) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return items;
      },
    });
    expect(await Promise.all(Array.from({ length: 20 }, (_, i) => queue.submit(i)))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(3);
  });
});
