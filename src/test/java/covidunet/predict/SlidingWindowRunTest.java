package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;

/** Progress, cancellation and the checks of parameters and of the model's output. */
class SlidingWindowRunTest {

	private static final int[] SIZE = { 13, 11, 7 };
	private static final int[] WINDOW = { 6, 5, 4 };
	private static final int WINDOWS = 24;

	/** Records reports; cancelled once it has had {@code cancelAfter} of them. */
	private static final class RecordingProgress implements Progress {

		private final List<String> reports = new ArrayList<>();
		private final int cancelAfter;

		RecordingProgress(final int cancelAfter) {
			this.cancelAfter = cancelAfter;
		}

		@Override
		public void report(final String task, final long done, final long total) {
			reports.add(task + " " + done + "/" + total);
		}

		@Override
		public boolean isCancelled() {
			return reports.size() >= cancelAfter;
		}
	}

	private static SlidingWindow.Builder builder(final WindowModel model) {
		return SlidingWindow.builder(model, WINDOW).batchSize(5);
	}

	@Test
	void progressIsReportedAfterEachBatchUpToTheTotal() {
		assertEquals(WINDOWS, WindowGrid.of(SIZE, WINDOW, SlidingWindow.defaultOverlap(WINDOW)).count());
		final RecordingProgress progress = new RecordingProgress(Integer.MAX_VALUE);
		builder(FakeModel.pointwise()).progress(progress).build().predict(Volumes.random(SIZE, 5), SIZE);
		assertEquals(List.of("segmenting 5/24", "segmenting 10/24", "segmenting 15/24", "segmenting 20/24",
			"segmenting 24/24"), progress.reports);
	}

	@Test
	void cancellationIsSeenBeforeEachBatch() {
		final FakeModel never = FakeModel.pointwise();
		assertThrows(CancelledException.class, () -> builder(never).progress(new RecordingProgress(0)).build().predict(
			Volumes.random(SIZE, 6), SIZE));
		assertTrue(never.batches().isEmpty(), "no batch once cancelled");
		final FakeModel twice = FakeModel.pointwise();
		assertThrows(CancelledException.class, () -> builder(twice).progress(new RecordingProgress(2)).build().predict(
			Volumes.random(SIZE, 6), SIZE));
		assertEquals(List.of(5, 5), twice.batches());
	}

	@Test
	void aVolumeSmallerThanTheWindowIsPaddedAtItsEndWithItsLastVoxels() {
		final int[] size = { 4, 3, 2 };
		final float[] image = Volumes.random(size, 9);
		final List<float[]> seen = new ArrayList<>();
		final FakeModel pointwise = FakeModel.pointwise();
		final WindowModel recording = new WindowModel() {

			@Override
			public int classes() {
				return 4;
			}

			@Override
			public float[] predict(final float[] images, final int count, final int[] window) {
				seen.add(images.clone());
				return pointwise.predict(images, count, window);
			}
		};
		SlidingWindow.builder(recording, WINDOW).build().predict(image, size);
		assertEquals(1, seen.size());
		final float[] window = seen.get(0);
		int i = 0;
		for (int z = 0; z < WINDOW[2]; z++) {
			for (int y = 0; y < WINDOW[1]; y++) {
				for (int x = 0; x < WINDOW[0]; x++, i++) {
					final int nearest = (Math.min(z, size[2] - 1) * size[1] + Math.min(y, size[1] - 1)) * size[0] + Math.min(x,
						size[0] - 1);
					assertEquals(image[nearest], window[i], x + "," + y + "," + z);
				}
			}
		}
	}

	private static void assertRefused(final String start, final Runnable run) {
		final BadInputException e = assertThrows(BadInputException.class, run::run);
		assertTrue(e.getMessage().startsWith(start), e.getMessage());
	}

	@Test
	void badParametersAreRefusedByName() {
		final WindowModel model = FakeModel.pointwise();
		final SlidingWindow window = builder(model).build();
		final float[] image = Volumes.random(SIZE, 7);
		assertRefused("image: has 1000 voxels", () -> window.predict(new float[1000], SIZE));
		assertRefused("image: none given", () -> window.predict(null, SIZE));
		assertRefused("size:", () -> window.predict(image, new int[] { 13, 11 }));
		assertRefused("size:", () -> window.predict(new float[0], new int[] { 0, 11, 7 }));
		image[3] = Float.NaN;
		image[40] = Float.NEGATIVE_INFINITY;
		assertRefused("image: 2 voxels are NaN or infinite", () -> window.predict(image, SIZE));
		assertRefused("window:", () -> SlidingWindow.builder(model, new int[] { 6, 0, 4 }));
		assertRefused("window:", () -> SlidingWindow.builder(model, new int[] { 6, 4 }));
		assertRefused("overlap:", () -> builder(model).overlap(new int[] { 6, 2, 2 }));
		assertRefused("overlap:", () -> builder(model).overlap(new int[] { 2, -1, 2 }));
		assertRefused("batch size:", () -> builder(model).batchSize(0));
		assertRefused("mirror-swapped classes:", () -> builder(model).mirrorSwappedClasses(1, 1));
		assertRefused("mirror-swapped classes:", () -> builder(model).mirrorSwappedClasses(1, 4).build());
		assertRefused("batch size:", () -> SlidingWindow.builder(model, new int[] { 1024, 1024, 256 }).batchSize(2)
			.build());
	}

	@Test
	void aModelThatReturnsTheWrongNumberOfValuesIsCaught() {
		final WindowModel wrong = new WindowModel() {

			@Override
			public int classes() {
				return 4;
			}

			@Override
			public float[] predict(final float[] images, final int count, final int[] window) {
				return new float[images.length * 3];
			}
		};
		assertThrows(IllegalStateException.class, () -> builder(wrong).build().predict(Volumes.random(SIZE, 8), SIZE));
		assertThrows(IllegalStateException.class, () -> builder(wrong).mirroring(true).build().predict(Volumes.random(
			SIZE, 8), SIZE));
	}
}
