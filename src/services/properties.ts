/** Document properties: settings and ID counters live here, never in cells. */

const PREFIX = 'kpiloop.';

export function readDocumentProperty(name: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(PREFIX + name);
}

export function writeDocumentProperties(values: Record<string, string>): void {
  const prefixed: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) prefixed[PREFIX + name] = value;
  PropertiesService.getDocumentProperties().setProperties(prefixed);
}
