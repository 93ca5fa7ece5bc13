/** 知识产权 classes a firm's IP counts are kept by (table enterprise_ip, the API, the profile's form).
 *  Zod-free and import-free, so the web bundle can take the list from here. */
export const IP_KINDS = [
  'invention_patent',
  'utility_model',
  'design',
  'software_copyright',
  'pct',
  'ic_layout',
  'plant_variety',
  'standard',
] as const;
export type IpKind = (typeof IP_KINDS)[number];
