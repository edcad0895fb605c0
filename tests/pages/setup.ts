/**
 * jsdom setup for page tests: the H5 branch of the API client, and the browser bits NutUI
 * touches that jsdom lacks.
 */
process.env.TARO_ENV = 'h5';

/** A 2D context that accepts every property and call (NutUI draws on canvas at import time). */
function fakeContext2d(): CanvasRenderingContext2D {
  const values: Record<PropertyKey, unknown> = {
    measureText: () => ({ width: 0 }),
    getImageData: () => ({ data: new Uint8ClampedArray(4) }),
    createLinearGradient: () => ({ addColorStop: () => undefined }),
  };
  return new Proxy(values, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
  configurable: true,
  value: fakeContext2d,
});
Object.defineProperty(HTMLCanvasElement.prototype, 'toDataURL', {
  configurable: true,
  value: () => 'data:image/png;base64,',
});
