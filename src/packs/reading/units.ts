import type { Unit } from './text.js';

/** Unit conversions for the normalisers. Each returns undefined for a unit of another dimension. */

export function toMph(value: number, unit: Unit | undefined): number | undefined {
  switch (unit ?? 'mph') {
    case 'mph':
      return value;
    case 'kmh':
      return value / 1.609344;
    case 'ms':
      return value * 2.2369363;
    case 'kn':
      return value * 1.1507794;
    default:
      return undefined;
  }
}

export const fahrenheitToCelsius = (f: number): number => ((f - 32) * 5) / 9;
export const celsiusToFahrenheit = (c: number): number => (c * 9) / 5 + 32;

export function toCelsius(value: number, unit: Unit | undefined): number | undefined {
  if (unit === 'degF') return fahrenheitToCelsius(value);
  if (unit === 'degC') return value;
  return undefined;
}

export function toFeet(value: number, unit: Unit | undefined): number | undefined {
  switch (unit ?? 'ft') {
    case 'ft':
      return value;
    case 'm':
      return value * 3.2808399;
    case 'in':
      return value / 12;
    case 'cm':
      return value / 30.48;
    case 'mm':
      return value / 304.8;
    case 'mile':
      return value * 5280;
    default:
      return undefined;
  }
}

export function toPounds(value: number, unit: Unit | undefined): number | undefined {
  switch (unit ?? 'lb') {
    case 'lb':
      return value;
    case 'kg':
      return value * 2.2046226;
    case 'ton':
      return value * 2000;
    case 'tonne':
      return value * 2204.6226;
    default:
      return undefined;
  }
}

export function toKilovolts(value: number, unit: Unit | undefined): number | undefined {
  if (unit === 'kv') return value;
  if (unit === 'v') return value / 1000;
  return undefined;
}

/** Age in years from a number and a unit of time ("3 weeks" → 0.0575). */
export function toYears(value: number, unit: Unit | undefined): number | undefined {
  switch (unit ?? 'year') {
    case 'year':
      return value;
    case 'month':
      return value / 12;
    case 'week':
      return (value * 7) / 365.25;
    case 'day':
      return value / 365.25;
    default:
      return undefined;
  }
}

export function toHours(value: number, unit: Unit | undefined): number | undefined {
  switch (unit ?? 'hour') {
    case 'hour':
      return value;
    case 'minute':
      return value / 60;
    case 'day':
      return value * 24;
    case 'week':
      return value * 24 * 7;
    default:
      return undefined;
  }
}

/**
 * The NWS heat index (Rothfusz regression with the NWS adjustments; Steadman's simple formula below
 * 80 °F), in °C from air temperature in °C and relative humidity in %.
 * https://www.wpc.ncep.noaa.gov/html/heatindex_equation.shtml
 */
export function heatIndexC(temperatureC: number, humidityPct: number): number {
  const t = celsiusToFahrenheit(temperatureC);
  const rh = humidityPct;
  const simple = 0.5 * (t + 61 + (t - 68) * 1.2 + rh * 0.094);
  if ((simple + t) / 2 < 80) return fahrenheitToCelsius(simple);
  let hi =
    -42.379 + 2.04901523 * t + 10.14333127 * rh - 0.22475541 * t * rh - 0.00683783 * t * t - 0.05481717 * rh * rh +
    0.00122874 * t * t * rh + 0.00085282 * t * rh * rh - 0.00000199 * t * t * rh * rh;
  if (rh < 13 && t >= 80 && t <= 112) hi -= ((13 - rh) / 4) * Math.sqrt((17 - Math.abs(t - 95)) / 17);
  else if (rh > 85 && t >= 80 && t <= 87) hi += ((rh - 85) / 10) * ((87 - t) / 5);
  return fahrenheitToCelsius(hi);
}
