// Types for font-metrics.generated.js, which `npm run fonts:metrics` writes.
import type { FontMetrics } from './shaping.js';

export declare const regular: FontMetrics;
export declare const bold: FontMetrics;
export declare const italic: FontMetrics;
