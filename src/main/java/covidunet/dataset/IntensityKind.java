package covidunet.dataset;

import java.nio.file.Path;
import java.util.Locale;

import covidunet.io.nifti.NiftiDatatype;
import covidunet.io.nifti.NiftiHeader;
import covidunet.io.nifti.NiftiReader;
import covidunet.io.nifti.SliceVisitor;

/**
 * What a CT image's values mean. The real dataset ships ten cases in Hounsfield units and ten
 * (the radiopaedia ones) windowed to [−1250, 250] HU and rescaled to 0–255; the kind is told from
 * the values, never from the name: an image whose scaled values all lie in [0, 255] is
 * {@link #RESCALED_0_255}, any other is {@link #HU} (a CT in HU has air near −1000).
 */
public enum IntensityKind {

	/** Hounsfield units, as the scanner wrote them. */
	HU,

	/** Windowed to [−1250, 250] HU and rescaled to 0–255, like the dataset's radiopaedia cases. */
	RESCALED_0_255;

	/** The kind of an image whose scaled values range from {@code min} to {@code max}. */
	public static IntensityKind of(final double min, final double max) {
		return min >= 0 && max <= 255 ? RESCALED_0_255 : HU;
	}

	/**
	 * The kind of an image file, read slice by slice and only as far as needed: a value outside
	 * [0, 255] decides {@link #HU} (for a CT in HU usually in the first slice), an unscaled uint8
	 * file is {@link #RESCALED_0_255} by its header; otherwise every slice is read. NaN values are
	 * ignored.
	 *
	 * @throws covidunet.BadInputException if the file cannot be read as a NIfTI-1 volume
	 */
	public static IntensityKind detect(final Path image) {
		try {
			NiftiReader.readSlices(image, new RangeVisitor());
			return RESCALED_0_255;
		}
		catch (final Decided decided) {
			return decided.kind;
		}
	}

	/** The kind's name in folds files: {@code hu} or {@code rescaled_0_255}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The kind of a {@link #key()}.
	 *
	 * @throws IllegalArgumentException if {@code key} names no kind
	 */
	public static IntensityKind ofKey(final String key) {
		for (final IntensityKind kind : values()) {
			if (kind.key().equals(key)) return kind;
		}
		throw new IllegalArgumentException("unknown intensity kind '" + key + "' (expected hu or rescaled_0_255)");
	}

	/** Stops {@link NiftiReader#readSlices} as soon as the kind is known. */
	private static final class Decided extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient IntensityKind kind;

		Decided(final IntensityKind kind) {
			super(null, null, false, false);
			this.kind = kind;
		}
	}

	/** Throws {@link Decided} at the first scaled value outside [0, 255]. */
	private static final class RangeVisitor implements SliceVisitor {

		private NiftiHeader header;
		private double[] values;

		@Override
		public void header(final NiftiHeader h) {
			if (h.datatype() == NiftiDatatype.UINT8 && !h.isScaled()) throw new Decided(RESCALED_0_255);
			header = h;
		}

		@Override
		public void slice(final int z, final Object voxels) {
			if (values == null) values = new double[(int) (header.dims()[0] * header.dims()[1])];
			header.datatype().toDouble(voxels, values);
			final double slope = header.slope();
			final double intercept = header.intercept();
			for (final double raw : values) {
				final double v = raw * slope + intercept;
				if (v < 0 || v > 255) throw new Decided(HU);
			}
		}
	}
}
