package covidunet.evaluate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import covidunet.BadInputException;
import covidunet.dataset.MaskReader;
import covidunet.io.Geometry;
import covidunet.io.Volume;

/**
 * The metrics of one case: every {@link Metric} of every {@link EvaluatedClass}, from a truth
 * and a predicted label volume on the same grid (labels 0–3), with distances in mm from the
 * voxel spacing.
 * <p>
 * Empty classes: {@value #EMPTY_CLASS_RULE}
 */
public final class CaseMetrics {

	/** How a class absent from the truth, the prediction or both is scored; for reports. */
	public static final String EMPTY_CLASS_RULE = "A class absent from both the truth and the prediction " +
		"scores DSC, IoU, Sens, Prec and NSD 1 and HD95 0. A class absent from exactly one of them scores DSC, " +
		"IoU and NSD 0, Sens and Prec by their formula where its denominator is not 0, else 0 (so both are 0), " +
		"and HD95 NaN (one side has no surface to measure from). Spec and Acc always follow their formulas; Spec " +
		"is 1 when the truth has no voxel outside the class. lungs_mean is the mean of lung_L's and lung_R's " +
		"values, NaN if either is.";

	private final Map<EvaluatedClass, Map<Metric, Double>> values;

	/** A case with these values; every class must have every metric. */
	CaseMetrics(final Map<EvaluatedClass, Map<Metric, Double>> values) {
		this.values = values;
	}

	/**
	 * Scores a prediction against the truth, both label arrays of one grid, x fastest.
	 *
	 * @param size the grid's size along x, y, z
	 * @param spacing the voxel size along x, y, z in mm
	 * @throws BadInputException naming the parameter if the arrays do not fit the size, the
	 *           spacing is not positive and finite, or a label is not 0–3
	 */
	public static CaseMetrics of(final byte[] truth, final byte[] prediction, final int[] size,
		final double[] spacing)
	{
		checkGrid(truth.length, prediction.length, size, spacing);
		final LabelConfusion confusion = LabelConfusion.of(truth, prediction, size);
		final Map<EvaluatedClass, Map<Metric, Double>> values = new EnumMap<>(EvaluatedClass.class);
		for (final EvaluatedClass c : EvaluatedClass.values()) {
			if (c == EvaluatedClass.LUNGS_MEAN) continue;
			final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
			final OverlapCounts counts = confusion.overlap(c.labelBits());
			for (final Metric m : Metric.values()) {
				if (m != Metric.HD95 && m != Metric.NSD) metrics.put(m, counts.value(m));
			}
			if (counts.truthEmpty() || counts.predictionEmpty()) {
				metrics.put(Metric.HD95, counts.bothEmpty() ? 0.0 : Double.NaN);
				metrics.put(Metric.NSD, counts.bothEmpty() ? 1.0 : 0.0);
			}
			else {
				final SurfaceDistances distances = SurfaceDistances.between(new ClassVoxels(truth, size, c.labelBits()),
					new ClassVoxels(prediction, size, c.labelBits()), confusion.bounds(c.labelBits()), spacing);
				metrics.put(Metric.HD95, distances.hd95());
				metrics.put(Metric.NSD, distances.surfaceDice(c.toleranceMm()));
			}
			values.put(c, metrics);
		}
		values.put(EvaluatedClass.LUNGS_MEAN, meanOfLungs(values));
		return new CaseMetrics(values);
	}

	/**
	 * Scores a predicted label volume against the truth; distances use the truth's spacing (the
	 * lengths of its affine's columns).
	 *
	 * @throws BadInputException naming "truth" and "prediction" if their dims differ or their
	 *           affines differ by more than 1e-4 in an entry, or if a voxel is not a label 0–3
	 */
	public static CaseMetrics of(final Volume<?> truth, final Volume<?> prediction) {
		return compare(truth, "truth", prediction, "prediction", false);
	}

	/**
	 * Reads a truth and a predicted mask (NIfTI, labels 0–3) and scores the prediction.
	 *
	 * @throws BadInputException naming the files if one cannot be read or holds a value other
	 *           than 0–3, or if their dims or affines differ (as {@link #of(Volume, Volume)})
	 */
	public static CaseMetrics read(final Path truth, final Path prediction) {
		return read(truth, prediction, false);
	}

	/**
	 * As {@link #read(Path, Path)}, but with {@code ignoreAffine} a prediction whose affine differs
	 * from the truth's is compared voxel for voxel all the same (their dims must agree): for
	 * predictions written without the scan's geometry, as MIScnn's identity affine.
	 */
	public static CaseMetrics read(final Path truth, final Path prediction, final boolean ignoreAffine) {
		return compare(MaskReader.read(truth), "truth " + truth, MaskReader.read(prediction), "prediction " +
			prediction, ignoreAffine);
	}

	/** The value of a metric for a class. */
	public double value(final EvaluatedClass evaluatedClass, final Metric metric) {
		return values.get(evaluatedClass).get(metric);
	}

	private static CaseMetrics compare(final Volume<?> truth, final String truthName, final Volume<?> prediction,
		final String predictionName, final boolean ignoreAffine)
	{
		final Geometry t = truth.geometry(), p = prediction.geometry();
		if (!Arrays.equals(t.dims(), p.dims())) {
			throw new BadInputException(predictionName + " has " + size(p) + " voxels but " + truthName + " " +
				size(t));
		}
		if (!ignoreAffine && !t.affine().approximatelyEquals(p.affine(), 1e-4)) {
			throw new BadInputException(predictionName + " lies elsewhere than " + truthName + ": affine " +
				p.affine() + " against " + t.affine());
		}
		return of(MaskReader.voxels(truthName, truth), MaskReader.voxels(predictionName, prediction), ints(t.dims()), t
			.spacing());
	}

	private static Map<Metric, Double> meanOfLungs(final Map<EvaluatedClass, Map<Metric, Double>> values) {
		final Map<Metric, Double> mean = new EnumMap<>(Metric.class);
		for (final Metric m : Metric.values()) {
			mean.put(m, (values.get(EvaluatedClass.LUNG_L).get(m) + values.get(EvaluatedClass.LUNG_R).get(m)) / 2);
		}
		return mean;
	}

	private static void checkGrid(final int truthLength, final int predictionLength, final int[] size,
		final double[] spacing)
	{
		if (size.length != 3 || size[0] < 1 || size[1] < 1 || size[2] < 1) {
			throw new BadInputException("size: " + Arrays.toString(size) + " is not three positive numbers");
		}
		if (spacing.length != 3 || Arrays.stream(spacing).anyMatch(s -> !(s > 0) || Double.isInfinite(s))) {
			throw new BadInputException("spacing: " + Arrays.toString(spacing) + " is not three positive finite mm");
		}
		final long voxels = (long) size[0] * size[1] * size[2];
		if (truthLength != voxels || predictionLength != voxels) {
			throw new BadInputException("size: " + size[0] + "x" + size[1] + "x" + size[2] + " is " + voxels +
				" voxels, but the truth has " + truthLength + " and the prediction " + predictionLength);
		}
	}

	private static int[] ints(final long[] dims) {
		return new int[] { (int) dims[0], (int) dims[1], (int) dims[2] };
	}

	private static String size(final Geometry g) {
		return g.dim(0) + "x" + g.dim(1) + "x" + g.dim(2);
	}
}
