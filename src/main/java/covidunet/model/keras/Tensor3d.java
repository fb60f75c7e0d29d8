package covidunet.model.keras;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A layer's output while a Keras graph is rebuilt: the tensor (batch, d1, d2, d3, channels in
 * Keras' order), its channel count, and how much coarser than the input its space axes are.
 *
 * @param tensor the tensor
 * @param channels its channel count
 * @param scale input voxels per voxel of this tensor, along d1, d2, d3
 */
record Tensor3d(Operand<TFloat32> tensor, int channels, double[] scale) {

	/** The same channels and scale with another tensor. */
	Tensor3d with(final Operand<TFloat32> t) {
		return new Tensor3d(t, channels, scale);
	}

	/** Another tensor with other channels and the same scale. */
	Tensor3d with(final Operand<TFloat32> t, final int c) {
		return new Tensor3d(t, c, scale);
	}

	/** Another tensor whose space axes are {@code factor} times coarser (below 1: finer). */
	Tensor3d scaled(final Operand<TFloat32> t, final int c, final double[] factor) {
		return new Tensor3d(t, c, new double[] { scale[0] * factor[0], scale[1] * factor[1], scale[2] * factor[2] });
	}
}
