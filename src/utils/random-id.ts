/**
 * Random ids the phone makes (request ids, offline scan ids): base-36 letters and digits from
 * `Math.random`. Random enough that two taps or two phones never collide; never a secret.
 */
export function randomId(length: number): string {
  let id = '';
  while (id.length < length) id += Math.random().toString(36).slice(2);
  return id.slice(0, length);
}
