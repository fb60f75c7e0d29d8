package covidunet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import covidunet.BadInputException;
import covidunet.CancelledException;
import covidunet.Progress;
import covidunet.preprocess.PreprocessedCase;

class PatchProducerTest {

	private static final int[] SIZE = { 8, 8, 4 };
	private static final PatchSampler SAMPLER = new PatchSampler(SamplingConfig.DEFAULT.withForegroundFraction(0.33),
		SIZE);
	private static final List<PreprocessedCase> CASES = List.of(TestCases.random("a", new int[] { 20, 18, 10 }, 1),
		TestCases.random("b", new int[] { 16, 20, 12 }, 2), TestCases.random("small", new int[] { 6, 5, 3 }, 3),
		TestCases.random("d", new int[] { 9, 8, 4 }, 4), TestCases.labelled("empty", new int[] { 20, 18, 10 }, 0,
			i -> false));

	/** A crop plus noise from the patch's randomness, finishing after a random delay so that threads overtake each other. */
	private static final PatchMaker NOISY = (source, size, centre, random) -> {
		final Patch p = new Crop().make(source, size, centre, random);
		for (int i = 0; i < p.image().length; i++) p.image()[i] += (float) random.nextGaussian();
		sleep(ThreadLocalRandom.current().nextInt(3));
		return p;
	};

	@AfterEach
	void noWorkerIsLeft() {
		assertEquals(List.of(), workers());
	}

	@Test
	void theSameSeedGivesTheSameBatchesOnOneAndOnThreeThreads() {
		final List<Batch> one = batches(42, 1, 24);
		final List<Batch> three = batches(42, 3, 24);
		for (int n = 0; n < one.size(); n++) {
			final Batch a = one.get(n), b = three.get(n);
			assertEquals(n / 6, a.epoch());
			assertEquals(n % 6, a.iteration());
			assertEquals(a.epoch(), b.epoch());
			assertEquals(a.iteration(), b.iteration());
			assertEquals(a.caseIds(), b.caseIds());
			assertArrayEquals(a.images(), b.images(), "batch " + n);
			assertArrayEquals(a.labels(), b.labels(), "batch " + n);
		}
		final List<Batch> other = batches(43, 3, 24);
		int same = 0;
		for (int n = 0; n < one.size(); n++) {
			if (Arrays.equals(one.get(n).images(), other.get(n).images())) same++;
		}
		assertEquals(0, same);
	}

	@Test
	void batchesAreLaidOutForATensor() {
		final Batch b = batches(1, 2, 1).get(0);
		assertEquals(2, b.size());
		assertArrayEquals(new long[] { 2, 4, 8, 8, 1 }, b.shape());
		assertEquals(2 * 8 * 8 * 4, b.images().length);
		assertEquals(b.images().length, b.labels().length);
		final Patch second = b.patch(1);
		assertEquals(b.caseIds().get(1), second.caseId());
		assertArrayEquals(Arrays.copyOfRange(b.images(), 256, 512), second.image());
	}

	@Test
	void eachCaseFillsItsShareOfAnEpoch() {
		final CaseOrder order = new CaseOrder(5, 3);
		for (int epoch = 0; epoch < 3; epoch++) {
			final int[] count = new int[3];
			for (int slot = 0; slot < 10; slot++) count[order.caseAt(epoch, slot)]++;
			for (final int c : count) assertTrue(c == 3 || c == 4, Arrays.toString(count));
		}
		final List<Integer> first = new ArrayList<>(), second = new ArrayList<>();
		for (int slot = 0; slot < 30; slot++) {
			first.add(order.caseAt(0, slot));
			second.add(order.caseAt(1, slot));
		}
		assertFalse(first.equals(second));
	}

	@Test
	void theLastEpochEnds() {
		try (PatchProducer p = PatchProducer.builder(CASES, new Crop(), SAMPLER, 3).iterationsPerEpoch(2).epochs(4, 2)
			.threads(2).start())
		{
			for (int n = 0; n < 4; n++) {
				assertTrue(p.hasNext());
				final Batch b = p.next();
				assertEquals(4 + n / 2, b.epoch());
			}
			assertFalse(p.hasNext());
			assertThrows(NoSuchElementException.class, p::next);
		}
	}

	@Test
	void aWorkersExceptionSurfacesPromptly() {
		final AtomicInteger made = new AtomicInteger();
		final IllegalStateException boom = new IllegalStateException("boom");
		final PatchMaker failing = (source, size, centre, random) -> {
			if (made.incrementAndGet() == 7) throw boom;
			return new Crop().make(source, size, centre, random);
		};
		final long begin = System.nanoTime();
		try (PatchProducer p = PatchProducer.builder(CASES, failing, SAMPLER, 1).threads(3).start()) {
			final RuntimeException e = assertThrows(RuntimeException.class, () -> {
				while (true) p.next();
			});
			assertSame(boom, e);
			assertTrue(System.nanoTime() - begin < 1_000_000_000L, "took " + (System.nanoTime() - begin) / 1e6 + " ms");
			assertSame(boom, assertThrows(RuntimeException.class, p::next));
		}
	}

	@Test
	void anErrorInAWorkerSurfacesAsIs() {
		final PatchMaker exhausted = (source, size, centre, random) -> {
			throw new OutOfMemoryError("fake");
		};
		try (PatchProducer p = PatchProducer.builder(CASES, exhausted, SAMPLER, 1).threads(2).start()) {
			assertEquals("fake", assertThrows(OutOfMemoryError.class, p::next).getMessage());
		}
	}

	@Test
	void closeStopsTheWorkers() {
		final PatchMaker slow = (source, size, centre, random) -> {
			sleep(20);
			return new Crop().make(source, size, centre, random);
		};
		final PatchProducer p = PatchProducer.builder(CASES, slow, SAMPLER, 1).threads(3).start();
		p.next();
		assertEquals(3, workers().size());
		final long begin = System.nanoTime();
		p.close();
		assertTrue(System.nanoTime() - begin < 500_000_000L);
		assertEquals(List.of(), workers());
		p.close();
		assertThrows(CancelledException.class, p::next);
	}

	@Test
	void cancellationStopsProduction() {
		final AtomicBoolean cancelled = new AtomicBoolean();
		final Progress progress = new Progress() {

			@Override
			public void report(final String task, final long done, final long total) {}

			@Override
			public boolean isCancelled() {
				return cancelled.get();
			}
		};
		final AtomicInteger made = new AtomicInteger();
		final PatchMaker counting = (source, size, centre, random) -> {
			made.incrementAndGet();
			return new Crop().make(source, size, centre, random);
		};
		try (PatchProducer p = PatchProducer.builder(CASES, counting, SAMPLER, 1).threads(2).progress(progress)
			.start())
		{
			p.next();
			p.next();
			cancelled.set(true);
			assertThrows(CancelledException.class, p::next);
			final long deadline = System.nanoTime() + 1_000_000_000L;
			while (!workers().isEmpty() && System.nanoTime() < deadline) sleep(5);
			assertEquals(List.of(), workers(), "workers end on cancellation, before close");
			final int count = made.get();
			sleep(100);
			assertEquals(count, made.get());
		}
	}

	@Test
	void aSlowConsumerBoundsTheBatchesMadeAhead() {
		final AtomicInteger made = new AtomicInteger();
		final PatchMaker counting = (source, size, centre, random) -> {
			made.incrementAndGet();
			return new Crop().make(source, size, centre, random);
		};
		try (PatchProducer p = PatchProducer.builder(CASES, counting, SAMPLER, 1).threads(2).capacity(3).start()) {
			for (int taken = 1; taken <= 3; taken++) {
				p.next();
				sleep(200);
				assertEquals((taken + 3) * 2, made.get(), "patches made after taking " + taken + " batches");
			}
		}
	}

	@Test
	void badSettingsAreRefusedByName() {
		final PreprocessedCase unlabelled = TestCases.of("nolabels", new int[] { 4, 4, 4 }, new float[64], null);
		assertTrue(assertThrows(BadInputException.class, () -> PatchProducer.builder(List.of(unlabelled), new Crop(),
			SAMPLER, 1).start()).getMessage().contains("nolabels"));
		assertTrue(assertThrows(BadInputException.class, () -> PatchProducer.builder(List.of(), new Crop(), SAMPLER, 1)
			.start()).getMessage().contains("training cases"));
		assertTrue(assertThrows(BadInputException.class, () -> PatchProducer.builder(CASES, new Crop(), SAMPLER, 1)
			.threads(0)).getMessage().contains("threads"));
		assertTrue(assertThrows(BadInputException.class, () -> PatchProducer.builder(CASES, new Crop(), SAMPLER, 1)
			.batchSize(0)).getMessage().contains("batch size"));
	}

	@Test
	void defaultThreadsLeaveOneProcessorToTheTrainer() {
		assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), PatchProducer.defaultThreads());
	}

	@Test
	void validationBatchesArePlainCropsFixedByPass() {
		final List<PreprocessedCase> cases = CASES.subList(0, 3);
		final List<Batch> a = ValidationPatches.batches(cases, SIZE, 9, 0, 2);
		final List<Batch> again = ValidationPatches.batches(cases, SIZE, 9, 0, 2);
		final List<Batch> next = ValidationPatches.batches(cases, SIZE, 9, 1, 2);
		assertEquals(2, a.size());
		assertEquals(List.of("a", "b"), a.get(0).caseIds());
		assertEquals(List.of("small"), a.get(1).caseIds());
		assertEquals(1, a.get(1).iteration());
		for (int n = 0; n < 2; n++) {
			assertArrayEquals(a.get(n).images(), again.get(n).images());
			assertArrayEquals(a.get(n).labels(), again.get(n).labels());
		}
		assertFalse(Arrays.equals(a.get(0).images(), next.get(0).images()));
		for (int j = 0; j < 2; j++) assertTrue(isPlainCrop(cases.get(j), a.get(0).patch(j)), "patch " + j);
	}

	/** Whether the patch equals the crop of the case at some start where it fits. */
	private static boolean isPlainCrop(final PreprocessedCase c, final Patch p) {
		final int[] dims = c.size();
		for (int z = 0; z <= dims[2] - SIZE[2]; z++) {
			for (int y = 0; y <= dims[1] - SIZE[1]; y++) {
				for (int x = 0; x <= dims[0] - SIZE[0]; x++) {
					final Patch crop = new Crop().make(c, SIZE, PatchSampler.centreOf(new int[] { x, y, z }, SIZE), null);
					if (Arrays.equals(crop.image(), p.image()) && Arrays.equals(crop.labels(), p.labels())) return true;
				}
			}
		}
		return false;
	}

	private static List<Batch> batches(final long seed, final int threads, final int count) {
		final List<Batch> batches = new ArrayList<>();
		try (PatchProducer p = PatchProducer.builder(CASES, NOISY, SAMPLER, seed).iterationsPerEpoch(6).threads(threads)
			.start())
		{
			for (int n = 0; n < count; n++) batches.add(p.next());
		}
		return batches;
	}

	private static List<String> workers() {
		final List<String> names = new ArrayList<>();
		for (final Thread t : Thread.getAllStackTraces().keySet()) {
			if (t.isAlive() && t.getName().startsWith("patch-producer-")) names.add(t.getName());
		}
		return names;
	}

	private static void sleep(final long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
