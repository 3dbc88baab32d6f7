const activityFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** An activité combinée (a multiple of 0,5): « 123 456,5 ». */
export function formatActivity(value: number): string {
  return activityFormatter.format(value);
}
