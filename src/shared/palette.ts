/**
 * Group colours told apart by people with the common colour-vision deficiencies
 * (Okabe and Ito's eight, then four of Paul Tol's). Names and numbers always go
 * with them, so colour is never the only signal.
 */
export const GROUP_PALETTE = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#332288',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
] as const;
