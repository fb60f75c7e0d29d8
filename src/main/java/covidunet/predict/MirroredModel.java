package covidunet.predict;

/**
 * Test-time augmentation: a model's prediction averaged over the 8 mirror images of each window
 * (all combinations of x, y and z). Each mirrored window's probabilities are mirrored back; for
 * the mirror images along x, two classes may also be exchanged (left and right lung, since x runs
 * from the patient's right to left).
 */
final class MirroredModel implements WindowModel {

	private final WindowModel model;
	private final int[] swappedClasses;

	/**
	 * @param model the model to average
	 * @param swappedClasses the two classes exchanged for mirror images along x, or an empty array
	 */
	MirroredModel(final WindowModel model, final int[] swappedClasses) {
		this.model = model;
		this.swappedClasses = swappedClasses.clone();
	}

	@Override
	public int classes() {
		return model.classes();
	}

	@Override
	public float[] predict(final float[] images, final int count, final int[] window) {
		final int classes = model.classes();
		float[] mean = null;
		for (int axes = 0; axes < Flips.COMBINATIONS; axes++) {
			final float[] mirrored = SlidingWindow.predictChecked(model, Flips.flip(images, count, window, 1, axes),
				count, window);
			final float[] back = Flips.flip(mirrored, count, window, classes, axes);
			if ((axes & Flips.X) != 0 && swappedClasses.length == 2) swap(back, classes);
			if (mean == null) mean = back;
			else for (int i = 0; i < mean.length; i++) mean[i] += back[i];
		}
		for (int i = 0; i < mean.length; i++) mean[i] /= Flips.COMBINATIONS;
		return mean;
	}

	private void swap(final float[] probabilities, final int classes) {
		final int a = swappedClasses[0], b = swappedClasses[1];
		for (int v = 0; v < probabilities.length; v += classes) {
			final float p = probabilities[v + a];
			probabilities[v + a] = probabilities[v + b];
			probabilities[v + b] = p;
		}
	}
}
