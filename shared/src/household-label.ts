/** The label residents and staff read for a household, e.g. "3号楼2单元501". */
export function householdLabel(building: string, unit: string, room: string): string {
  return `${building}${unit}${room}`;
}
