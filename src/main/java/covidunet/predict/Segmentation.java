package covidunet.predict;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import covidunet.io.Geometry;
import covidunet.io.Volume;
import covidunet.preprocess.Reorientation;
import covidunet.preprocess.Resampler;

/**
 * A segmentation on the scan's own grid, made from the class probabilities on the network's grid
 * (canonical orientation, target spacing): each class's probabilities resampled (trilinear) onto
 * the scan's grid in the canonical orientation, argmax, then reoriented back to the scan's
 * orientation. The labels are computed once, one slice of the scan's grid at a time, so that
 * memory holds the labels and a few slices rather than full-size float volumes; a class's
 * probabilities on the scan's grid are computed when asked, one class at a time.
 */
public final class Segmentation {

	private final ProbabilityMap probabilities;
	private final Geometry geometry;
	private final Reorientation reorientation;
	private final Resampler back;
	private final String digest;
	private final BodyMask body;
	private Volume<UnsignedByteType> labels;

	/**
	 * @param probabilities the probabilities on the network's grid
	 * @param network the network grid's spacing
	 * @param scan the scan's geometry
	 * @param reorientation from the scan's grid to the canonical orientation
	 * @param digest the models' digest
	 * @param body the patient's body on the scan's grid, outside which nothing is labelled; null: no mask
	 */
	Segmentation(final ProbabilityMap probabilities, final double[] network, final Geometry scan,
		final Reorientation reorientation, final String digest, final BodyMask body)
	{
		this.probabilities = probabilities;
		this.body = body;
		this.geometry = scan;
		this.reorientation = reorientation;
		this.digest = digest;
		final long[] d = reorientation.target().dims();
		back = Resampler.onto(probabilities.size(), network, new int[] { (int) d[0], (int) d[1], (int) d[2] },
			reorientation.target().spacing());
	}

	/** The labels on the scan's grid, with the scan's geometry. */
	public Volume<UnsignedByteType> labels() {
		if (labels == null) {
			final int classes = probabilities.classes();
			final Resampler.Slices[] slices = new Resampler.Slices[classes];
			for (int c = 0; c < classes; c++) slices[c] = back.linearSlices(probabilities.channel(c));
			final int[] dims = back.targetDims();
			final int plane = dims[0] * dims[1];
			final byte[] canonical = new byte[plane * dims[2]];
			for (int z = 0; z < dims[2]; z++) {
				final float[] best = slices[0].slice(z);
				for (int c = 1; c < classes; c++) {
					final float[] p = slices[c].slice(z);
					for (int v = 0; v < plane; v++) {
						if (p[v] > best[v]) {
							best[v] = p[v];
							canonical[z * plane + v] = (byte) c;
						}
					}
				}
			}
			final byte[] scanOrder = reorientation.inverse().apply(canonical);
			if (body != null) body.clear(scanOrder);
			labels = new Volume<>(ArrayImgs.unsignedBytes(scanOrder, geometry.dims()), geometry);
		}
		return labels;
	}

	/** The probabilities of class {@code c} on the scan's grid, with the scan's geometry (a new volume each call). */
	public Volume<FloatType> probability(final int c) {
		final Resampler.Slices slices = back.linearSlices(probabilities.channel(c));
		final int[] dims = back.targetDims();
		final int plane = dims[0] * dims[1];
		final float[] p = new float[plane * dims[2]];
		for (int z = 0; z < dims[2]; z++) System.arraycopy(slices.slice(z), 0, p, z * plane, plane);
		return new Volume<>(ArrayImgs.floats(reorientation.inverse().apply(p), geometry.dims()), geometry);
	}

	/** The number of classes. */
	public int classes() {
		return probabilities.classes();
	}

	/** The models' digest, as {@link ModelSet#digest()}. */
	public String digest() {
		return digest;
	}

	/** The size of the network's grid (x, y, z) the probabilities were computed on. */
	public int[] networkGrid() {
		return Arrays.copyOf(probabilities.size(), 3);
	}
}
