/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (hours 2–4 digits). */
export function scorm12Timespan(ms: number): string {
  const totalCentis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(totalCentis / 360000));
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const seconds = (totalCentis % 6000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  // Stryker disable next-line StringLiteral: equivalent, toFixed(2) always has a fraction, so the default is never used.
  const [whole, frac = '00'] = seconds.toFixed(2).split('.');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(Number(whole), 2)}.${frac}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.45S. */
export function scorm2004Duration(ms: number): string {
  const totalCentis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(totalCentis / 360000);
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const seconds = (totalCentis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** SCORM 1.2 CMITime (time of day): HH:MM:SS, local time as most 1.2 LMSs expect. */
export function scorm12TimeOfDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with a UTC designator. */
export function scorm2004Timestamp(epochMs: number): string {
  // Stryker disable next-line Regex: equivalent, toISOString() always ends in Z, so the $ anchor cannot change a match.
  return new Date(epochMs).toISOString().replace(/\.(\d)\d\dZ$/, '.$1Z');
}
