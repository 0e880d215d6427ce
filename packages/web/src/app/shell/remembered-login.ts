const key = 'parkeer.rememberedLogin';

/** Whether the login on this device asked to be remembered (then idle time does not end it). */
export function rememberedLogin(): boolean {
  return globalThis.localStorage?.getItem(key) === '1';
}

export function setRememberedLogin(remembered: boolean): void {
  if (remembered) globalThis.localStorage?.setItem(key, '1');
  else globalThis.localStorage?.removeItem(key);
}
