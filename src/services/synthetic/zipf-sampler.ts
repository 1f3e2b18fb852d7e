import type { SeededRandom } from "./seeded-random";

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent: Zipf's law, the
 * shape of how often words occur in text and of how often the news names each person or place
 * (a few are everywhere, most appear once or twice). Sampling is a binary search in the
 * cumulative weights, so a draw costs O(log n) whatever the exponent.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(readonly size: number, readonly exponent: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a Zipf distribution needs at least one rank, got ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank] /= total;
  }

  /** One rank, 0 being the most frequent. */
  draw(random: SeededRandom): number {
    const target = random.next();
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
