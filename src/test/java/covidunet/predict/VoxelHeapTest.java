package covidunet.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The voxel heap against a sorted copy and against {@link PriorityQueue}. */
class VoxelHeapTest {

	@Test
	void randomPushesPopInAscendingOrderBeyondTheInitialCapacity() {
		final SplittableRandom random = new SplittableRandom(7);
		final float[] distances = new float[5000];
		final VoxelHeap heap = new VoxelHeap();
		for (int v = 0; v < distances.length; v++) {
			distances[v] = (float) random.nextDouble(0, 100);
			if (v % 10 == 0) distances[v] = 42;
			heap.push(distances[v], v);
		}
		final float[] popped = new float[distances.length];
		final boolean[] seen = new boolean[distances.length];
		for (int i = 0; i < popped.length; i++) {
			assertFalse(heap.isEmpty(), "after " + i + " pops");
			final int v = heap.popVoxel();
			popped[i] = heap.lastDistance();
			assertEquals(distances[v], popped[i], "the distance pushed with voxel " + v);
			assertFalse(seen[v], "voxel " + v + " popped twice");
			seen[v] = true;
		}
		assertTrue(heap.isEmpty());
		final float[] sorted = distances.clone();
		Arrays.sort(sorted);
		assertArrayEquals(sorted, popped);
	}

	@Test
	void interleavedPushesAndPopsGiveTheMinimumEachTime() {
		final SplittableRandom random = new SplittableRandom(11);
		final VoxelHeap heap = new VoxelHeap();
		final PriorityQueue<Float> reference = new PriorityQueue<>();
		for (int step = 0; step < 20000; step++) {
			if (reference.isEmpty() || random.nextInt(3) > 0) {
				final float d = (float) random.nextDouble(0, 1000);
				heap.push(d, step);
				reference.add(d);
			}
			else {
				heap.popVoxel();
				assertEquals(reference.poll().floatValue(), heap.lastDistance(), "step " + step);
			}
		}
		assertTrue(reference.size() > 1024, "the heap grew past its first capacity: " + reference.size());
		while (!reference.isEmpty()) {
			heap.popVoxel();
			assertEquals(reference.poll().floatValue(), heap.lastDistance());
		}
		assertTrue(heap.isEmpty());
	}
}
