package covidunet.model.keras;

import java.util.Map;

import com.google.gson.JsonObject;

import covidunet.io.JsonFiles;
import covidunet.model.io.ModelCard;

/**
 * What an imported Keras network is, as model.json's {@code architecture} records it.
 *
 * @param modelClass the Keras model class ({@code Functional}, {@code Model}, {@code Sequential})
 * @param classes the output channels
 * @param divisor how many input voxels its coarsest tensor has per voxel, along x, y, z: window
 *          sides must be multiples of it
 * @param parameters the number of weights, as Keras counts them
 * @param flopsPerVoxel floating-point operations of the convolutions per input voxel
 * @param layerCounts how many layers of each Keras class it has
 */
record KerasSummary(String modelClass, int classes, int[] divisor, long parameters, double flopsPerVoxel,
	Map<String, Integer> layerCounts)
{

	/** The value of {@code architecture.type} for imported Keras models. */
	static final String TYPE = "keras";

	/**
	 * The network's levels as the project counts them (poolings + 1), from the largest divisor:
	 * what the segmenter halves windows by when memory runs out.
	 */
	int levels() {
		final int max = Math.max(divisor[0], Math.max(divisor[1], divisor[2]));
		return 32 - Integer.numberOfLeadingZeros(Math.max(1, max));
	}

	/**
	 * The architecture JSON.
	 *
	 * @param patch the window the model is run on, x, y, z ({@link ModelCard#PATCH})
	 */
	JsonObject toJson(final int[] patch) {
		final JsonObject o = new JsonObject();
		o.addProperty("type", TYPE);
		o.addProperty("keras_class", modelClass);
		o.addProperty("classes", classes);
		o.addProperty("levels", levels());
		o.add("divisor", JsonFiles.array(divisor));
		o.addProperty("parameters", parameters);
		o.addProperty("flops_per_voxel", Math.round(flopsPerVoxel));
		final JsonObject layers = new JsonObject();
		layerCounts.forEach(layers::addProperty);
		o.add("layers", layers);
		o.add(ModelCard.PATCH, JsonFiles.array(patch));
		return o;
	}
}
