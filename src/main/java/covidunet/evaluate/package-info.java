/**
 * Per-case segmentation metrics and the cross-validation tables.
 * {@link covidunet.evaluate.CaseMetrics} scores a predicted label volume against the truth on the
 * same grid: for each {@link covidunet.evaluate.EvaluatedClass} the overlap metrics from one
 * streaming pass of voxel counts, and the surface metrics HD95 and NSD
 * ({@link covidunet.evaluate.Metric}) from exact anisotropic Euclidean distance transforms, each
 * over the smallest block holding the class. {@link covidunet.evaluate.MetricsTable} writes the
 * reference's {@code cv_results.detailed.csv} and {@code cv_results.final.csv}. The figures of a
 * cross-validation: {@link covidunet.evaluate.FittingCurves} (every fold's losses),
 * {@link covidunet.evaluate.BoxPlots} (one per metric), {@link covidunet.evaluate.CaseFigures}
 * (a case's montage and animated GIF), all gathered with the tables into a self-contained
 * {@link covidunet.evaluate.Report}.
 */
package covidunet.evaluate;
