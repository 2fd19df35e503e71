/** A calm, professional palette: deep ink blue, teal accents, soft grey canvas. */
export const BRAND = {
  ink: '#1f4e79',
  teal: '#137b7b',
  canvas: '#f4f6f9',
};
