import { didYouMean, nearest } from '../../src/core/suggest.js';

describe('nearest', () => {
  it('finds a typo, a longer or shorter form, and words in another order', () => {
    expect(nearest('新安真', ['新安镇', '田楼乡'])).toEqual(['新安镇']);
    expect(nearest('信用社', ['信用联社', '统计局'])).toEqual(['信用联社']);
    expect(nearest('特大安全生产事故', ['特大生产安全事故', '综治黄牌'])).toEqual(['特大生产安全事故']);
    expect(nearest('categoies', ['categories', 'bands'])).toEqual(['categories']);
  });

  it('suggests nothing for an unrelated name', () => {
    expect(nearest('环保局', ['新安镇', '田楼乡'])).toEqual([]);
    expect(didYouMean('环保局', ['新安镇'])).toBeUndefined();
  });
});
