package covidunet.model.net;

/**
 * Exact sizes and arithmetic of the {@link UNet} of a configuration, without building it.
 * <p>
 * Multiply-adds count the convolutions only: a k³ convolution costs k³ · cin · cout per output
 * voxel; the 2 × 2 × 2 stride-2 transposed convolution costs cin · cout per output voxel (each
 * output voxel receives one kernel tap from each input channel), i.e. 8 · cin · cout per input
 * voxel; the 1 × 1 × 1 head cin · classes per voxel. ReLU, normalisation, pooling, softmax, loss
 * and optimizer are left out (they are a few percent). FLOPs are 2 × multiply-adds; a training step
 * counts 3 × the forward FLOPs (forward, input gradient, filter gradient of every convolution).
 */
public final class NetworkCost {

	private NetworkCost() {}

	/** All values in the network's variables (weights, biases, norm scales, shifts and moving statistics). */
	public static long parameters(final UNetConfig c) {
		final long perNorm = switch (c.norm()) {
			case NONE -> 0;
			case INSTANCE -> 2;
			case BATCH -> 4;
		};
		long p = 0;
		long cin = 1;
		for (int l = 0; l < c.levels(); l++) {
			final long f = c.filters(l);
			p += 27 * cin * f + f + 27 * f * f + f + 2 * perNorm * f;
			cin = f;
		}
		for (int l = c.levels() - 2; l >= 0; l--) {
			final long f = c.filters(l);
			p += 8 * cin * f + f;
			p += 27 * 2 * f * f + f + 27 * f * f + f + 2 * perNorm * f;
			cin = f;
		}
		return p + cin * c.classes() + c.classes();
	}

	/** Multiply-adds of one forward pass over one patch. */
	public static long forwardMultiplyAdds(final UNetConfig c) {
		long macs = 0;
		long cin = 1;
		for (int l = 0; l < c.levels(); l++) {
			final long f = c.filters(l);
			macs += 27 * (cin * f + f * f) * voxels(c, l);
			cin = f;
		}
		for (int l = c.levels() - 2; l >= 0; l--) {
			final long f = c.filters(l);
			macs += cin * f * voxels(c, l);
			macs += 27 * (2 * f * f + f * f) * voxels(c, l);
			cin = f;
		}
		return macs + cin * c.classes() * voxels(c, 0);
	}

	/** FLOPs of one training step over a batch: 3 × 2 × forward multiply-adds × batch size. */
	public static double trainingFlops(final UNetConfig c) {
		return 6.0 * forwardMultiplyAdds(c) * c.batchSize();
	}

	private static long voxels(final UNetConfig c, final int level) {
		return c.patchVoxels() >> (3 * level);
	}
}
