/**
 * The orders `dispersion rebalance examples/sample-holdings.csv --base KRW` gives as of 2026-05-29 (bundled closes;
 * USDKRW = the April 2026 average 1,483.7977), worked out by hand. Two tests use them: the bundled-data run and the
 * same run from a fresh price cache holding those closes (test/e2e/pricing-sources.test.ts). I = the investable value.
 */
export const SAMPLE_ORDERS: [string, 'buy' | 'sell', string, number][] = [
  // Apple, Microsoft, Alphabet, Amazon, Meta have no sleeve in the model: sold in full.
  ['미국주식', 'sell', 'AAPL', 60],
  ['미국주식', 'sell', 'MSFT', 40],
  ['미국주식', 'sell', 'GOOGL', 45],
  ['미국주식', 'sell', 'AMZN', 50],
  ['미국주식', 'sell', 'META', 12],
  // Buys in USD go to 미국주식, the account trading USD; largest first.
  // Energy: CEG 10 × 287.75 × 1,483.7977 = 4,269,627.88 = 1.7% → 20% × I = 50,175,918.28;
  // (50,175,918.28 − 4,269,627.88) / 426,962.79 = 107.52 → 107 (30,789.25 USD).
  ['미국주식', 'buy', 'CEG', 107],
  // Physical AI is empty, and the model's fill is 3: 005380.KS, ABBN.SW, SIE.DE and 6954.T have no bundled price;
  // the first three that do are ISRG, TER and EMR. 30% × I = 75,263,877.42 KRW, a third each = 25,087,959.14:
  // TER 374.31 × 1,483.7977 = 555,400.32 → 45.17 → 45 (16,843.95 USD = 24,993,014 KRW);
  // EMR 143.82 × 1,483.7977 = 213,399.79 → 117.56 → 117 (16,826.94 USD = 24,967,776 KRW);
  // ISRG 424.64 × 1,483.7977 = 630,079.86 → 39.82 → 39 (16,560.96 USD = 24,573,115 KRW).
  ['미국주식', 'buy', 'TER', 45],
  ['미국주식', 'buy', 'EMR', 117],
  ['미국주식', 'buy', 'ISRG', 39],
  // Defense is empty; 012450.KS has no bundled price; LMT, RTX and CRWD do. 5% × I = 12,543,979.57, a third each
  // = 4,181,326.52: RTX 179.66 × 1,483.7977 = 266,579.09 → 15.69 → 15 (2,694.90 USD);
  // LMT 787,080.49 → 5.31 → 5 (2,652.25 USD); CRWD 731 × 1,483.7977 = 1,084,656.12 → 3.85 → 3 (2,193 USD).
  ['미국주식', 'buy', 'RTX', 15],
  ['미국주식', 'buy', 'LMT', 5],
  ['미국주식', 'buy', 'CRWD', 3],
  // Emerging 66,214,000 = 26.4% → 15% × I = 37,631,938.71, split as held (Samsung 47.55M : SK Hynix 18.664M):
  // Samsung 27,024,476.48 → sell (47,550,000 − 27,024,476.48) / 317,000 = 64.75 → 64;
  // SK Hynix 10,607,462.23 → sell (18,664,000 − 10,607,462.23) / 2,333,000 = 3.45 → 3.
  ['키움 위탁', 'sell', '005930.KS', 64],
  ['키움 위탁', 'sell', '000660.KS', 3],
];
