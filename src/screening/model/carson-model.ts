// Placeholder until `npm run train:screening` writes the trained model.
import type { ModelData } from '../model.ts';
export const modelData: ModelData = { version: 'empty', featureVersion: 1, bits: 4, labels: [], weights: '' };
